package org.proposalledger.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic against the users in {@code ledger.users} on the embedded default; in profile
 * {@code prod} JWT bearer tokens only (see {@link JwtActors}), and no configured user at all.
 * Which role may take which lifecycle step is decided by the aggregates and the query handlers;
 * this layer only authenticates and keeps out callers without a ledger role. Errors are problem
 * details like every other error.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties({JwtProperties.class, CredentialCacheProperties.class})
public class SecurityConfig {

    static final Profiles PROD = Profiles.of("prod");

    /** The roles a person may sign in with; IMPORT and SYSTEM are the ledger's own. */
    static final String[] PERSON_ROLES = Arrays.stream(Role.values())
            .filter(r -> !JwtActors.RESERVED.contains(r)).map(Role::name).toArray(String[]::new);

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService ledgerUsers(LedgerProperties properties, PasswordEncoder encoder, Environment env) {
        // profile prod signs users in with JWT only: the demo accounts must not even be there
        List<LedgerProperties.User> configured = properties.getUsers().isEmpty() && !env.acceptsProfiles(PROD)
                ? DemoAccounts.USERS : properties.getUsers();
        configured.stream()
                .filter(u -> u.getRole() == Role.SYSTEM || u.getRole() == Role.IMPORT)
                .findFirst()
                .ifPresent(u -> {
                    // these roles are the ledger's own processes; a person holding one would bypass the rules
                    throw new IllegalStateException("User '" + u.getUsername() + "' may not have role " + u.getRole()
                            + ": it is reserved for the ledger itself.");
                });
        Map<String, LedgerUser> users = configured.stream()
                .map(u -> new LedgerUser(new Actor(u.getUsername(), u.getRole(), u.getUnitId(), u.getDeputyId()),
                        u.getPassword()))
                .collect(Collectors.toMap(LedgerUser::getUsername, Function.identity()));
        if (env.acceptsProfiles(PROD)) {
            DemoAccounts.refuse(users.values(), encoder);
            if (!users.isEmpty()) {
                throw new IllegalStateException("Profile 'prod' signs users in with JWT bearer tokens only; remove "
                        + "ledger.users (configured: " + String.join(", ", users.keySet()) + ").");
            }
        }
        return username -> {
            LedgerUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        };
    }

    /**
     * The one sign-in provider of the global authentication manager (an AuthenticationProvider bean
     * takes the place of Boot's bcrypt-per-request provider for the user details above).
     */
    @Bean
    public CachingPasswordAuthentication ledgerPasswordAuthentication(UserDetailsService ledgerUsers,
                                                                      PasswordEncoder encoder,
                                                                      CredentialCacheProperties settings) {
        return new CachingPasswordAuthentication(ledgerUsers, encoder, settings, Ticker.systemTicker());
    }

    /**
     * No Micrometer observation around each security filter, sign-in and authorization decision:
     * on two cores those wrappers cost more per request than the checks they time. Requests are
     * still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Profile prod only; a missing issuer stops the start with the setting to add. */
    @Bean
    @Profile("prod")
    public JwtDecoder ledgerJwtDecoder(JwtProperties properties) {
        return IssuerKeys.decoder(properties);
    }

    @Bean
    public SignIn ledgerSignIn(SignInRefusals refusals, Environment env, JwtProperties jwt,
                               ObjectProvider<JwtDecoder> decoder) {
        return new SignIn(refusals, env.acceptsProfiles(PROD), jwt, decoder);
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, SignIn signIn) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        // a token naming no ledger role signs in but may do nothing
                        .anyRequest().hasAnyRole(PERSON_ROLES));
        signIn.apply(http, "Your role may not do this.");
        return http.build();
    }

    /**
     * How a caller signs in on any of the ledger's filter chains: HTTP Basic on the embedded
     * default, JWT bearer tokens in profile {@code prod}; refusals as problem details.
     */
    public static final class SignIn {
        private final SignInRefusals refusals;
        private final boolean prod;
        private final JwtProperties jwt;
        private final ObjectProvider<JwtDecoder> decoder;

        SignIn(SignInRefusals refusals, boolean prod, JwtProperties jwt, ObjectProvider<JwtDecoder> decoder) {
            this.refusals = refusals;
            this.prod = prod;
            this.jwt = jwt;
            this.decoder = decoder;
        }

        public void apply(HttpSecurity http, String deniedDetail) throws Exception {
            String challenge = prod ? "Bearer" : "Basic realm=\"proposal-ledger\"";
            String signIn = prod ? "Send a bearer token from the configured issuer." : "Sign in with HTTP Basic credentials.";
            AuthenticationEntryPoint unauthenticated = (req, res, e) -> {
                if (e instanceof OAuth2AuthenticationException o) {
                    // expired, wrong issuer or key, malformed, or claims naming no single actor
                    problem(res, refusals, HttpStatus.UNAUTHORIZED, "Invalid token", o.getError().getDescription(),
                            "invalid-token", "Bearer error=\"invalid_token\"");
                } else {
                    problem(res, refusals, HttpStatus.UNAUTHORIZED, "Authentication required", signIn,
                            "unauthenticated", challenge);
                }
            };
            AccessDeniedHandler denied = (req, res, e) -> problem(res, refusals, HttpStatus.FORBIDDEN, "Forbidden",
                    deniedDetail, "forbidden", null);
            http.exceptionHandling(x -> x.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
            // Security headers before the request is handled, not on the way out: an async answer (the
            // dashboard's event stream) is written by another thread while the request thread leaves the
            // chain, and both writing Tomcat's headers at once corrupted them and dropped the connection
            // (spring-security#9175, seen under the fuzz test)
            http.headers(h -> h.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            }));
            if (prod) {
                http.oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder.getObject()).jwtAuthenticationConverter(new JwtActors(jwt)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
            } else {
                http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
            }
        }
    }

    private static void problem(HttpServletResponse res, SignInRefusals refusals, HttpStatus status, String title,
                                String detail, String rule, String challenge) throws IOException {
        if (challenge != null) {
            res.setHeader("WWW-Authenticate", challenge);
        }
        refusals.write(res, status, title, detail, rule);
    }
}
