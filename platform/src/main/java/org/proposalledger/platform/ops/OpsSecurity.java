package org.proposalledger.platform.ops;

import org.proposalledger.api.security.Role;
import org.proposalledger.platform.security.SecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the operations endpoints, in a filter chain of their own ahead of the API's:
 * <ul>
 *   <li>health (with the liveness and readiness probes) and info: anyone, so orchestrators and
 *   load balancers need no credentials;</li>
 *   <li>{@code /v3/api-docs} and Swagger UI: anyone; the description of the API is public, every
 *   call it describes still needs credentials;</li>
 *   <li>{@code /actuator/prometheus} and {@code /actuator/metrics}: OFFICE, SUPERVISOR and READER
 *   (signed in as on the API), the roles that may see every figure, because the metrics include the sessions'
 *   rates, which units and deputies see only for themselves;</li>
 *   <li>any other actuator path: nobody.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    static final String[] MONITORING_ROLES = {Role.OFFICE.name(), Role.SUPERVISOR.name(), Role.READER.name()};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, SecurityConfig.SignIn signIn) throws Exception {
        http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                        "/swagger-ui.html", "/swagger-ui/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .hasAnyRole(MONITORING_ROLES)
                        .anyRequest().denyAll());
        // the same sign-in as the API: HTTP Basic, or bearer tokens in profile prod
        signIn.apply(http, "Only office, supervisor and reader accounts may read metrics.");
        return http.build();
    }
}
