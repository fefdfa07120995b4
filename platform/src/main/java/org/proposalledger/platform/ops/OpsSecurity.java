package org.proposalledger.platform.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.proposalledger.api.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;

/**
 * Who may read the operations endpoints, in a filter chain of their own ahead of the API's:
 * <ul>
 *   <li>health (with the liveness and readiness probes) and info: anyone, so orchestrators and
 *   load balancers need no credentials;</li>
 *   <li>{@code /v3/api-docs} and Swagger UI: anyone; the description of the API is public, every
 *   call it describes still needs credentials;</li>
 *   <li>{@code /actuator/prometheus} and {@code /actuator/metrics}: OFFICE, SUPERVISOR and READER
 *   (HTTP Basic), the roles that may see every figure, because the metrics include the sessions'
 *   rates, which units and deputies see only for themselves;</li>
 *   <li>any other actuator path: nobody.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    static final String[] MONITORING_ROLES = {Role.OFFICE.name(), Role.SUPERVISOR.name(), Role.READER.name()};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, ObjectMapper mapper) throws Exception {
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
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthorized(res, mapper)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) -> unauthorized(res, mapper))
                        .accessDeniedHandler((req, res, e) -> problem(res, mapper, HttpStatus.FORBIDDEN, "Forbidden",
                                "Only office, supervisor and reader accounts may read metrics.", "forbidden")));
        return http.build();
    }

    private static void unauthorized(HttpServletResponse res, ObjectMapper mapper) throws IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"proposal-ledger\"");
        problem(res, mapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Sign in with HTTP Basic credentials.", "unauthenticated");
    }

    private static void problem(HttpServletResponse res, ObjectMapper mapper, HttpStatus status, String title,
                                String detail, String rule) throws IOException {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:proposal-ledger:problem:" + rule));
        pd.setProperty("rule", rule);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(res.getOutputStream(), pd);
    }
}
