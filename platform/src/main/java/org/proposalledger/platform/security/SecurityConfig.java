package org.proposalledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic against the users in {@code ledger.users}. Which role may take which lifecycle
 * step is decided by the aggregates; this layer only authenticates and keeps anonymous
 * callers out. Errors are problem details like every other error.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService ledgerUsers(LedgerProperties properties, PasswordEncoder encoder, Environment env) {
        properties.getUsers().stream()
                .filter(u -> u.getRole() == Role.SYSTEM || u.getRole() == Role.IMPORT)
                .findFirst()
                .ifPresent(u -> {
                    // these roles are the ledger's own processes; a person holding one would bypass the rules
                    throw new IllegalStateException("User '" + u.getUsername() + "' may not have role " + u.getRole()
                            + ": it is reserved for the ledger itself.");
                });
        Map<String, LedgerUser> users = properties.getUsers().stream()
                .map(u -> new LedgerUser(new Actor(u.getUsername(), u.getRole(), u.getUnitId(), u.getDeputyId()),
                        u.getPassword()))
                .collect(Collectors.toMap(LedgerUser::getUsername, Function.identity()));
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            DemoAccounts.refuse(users.values(), encoder);
        }
        return username -> {
            LedgerUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        };
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) ->
                        problem(res, mapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Sign in with HTTP Basic credentials.", "unauthenticated", true)))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) ->
                                problem(res, mapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                                        "Sign in with HTTP Basic credentials.", "unauthenticated", true))
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, mapper, HttpStatus.FORBIDDEN, "Forbidden",
                                        "Your role may not do this.", "forbidden", false)));
        return http.build();
    }

    private static void problem(HttpServletResponse res, ObjectMapper mapper, HttpStatus status, String title,
                                String detail, String rule, boolean challenge) throws IOException {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:proposal-ledger:problem:" + rule));
        pd.setProperty("rule", rule);
        res.setStatus(status.value());
        if (challenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"proposal-ledger\"");
        }
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(res.getOutputStream(), pd);
    }
}
