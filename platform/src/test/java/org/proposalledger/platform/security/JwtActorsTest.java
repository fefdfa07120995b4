package org.proposalledger.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtActorsTest {

    private final JwtActors actors = new JwtActors(new JwtProperties());

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("uid-7")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(b::claim);
        return b.build();
    }

    private Actor actor(Map<String, Object> claims) {
        AbstractAuthenticationToken auth = actors.convert(jwt(claims));
        assertThat(auth).isInstanceOf(ActorJwtAuthentication.class);
        return ((ActorJwtAuthentication) auth).actor();
    }

    @Test
    void a_unit_token_acts_for_its_unit() {
        Actor actor = actor(Map.of("preferred_username", "chen", "roles", List.of("UNIT"), "unit_id", "commerce",
                "deputy_id", "ignored"));
        assertThat(actor).isEqualTo(new Actor("chen", Role.UNIT, "commerce", null));
    }

    @Test
    void a_deputy_token_acts_for_its_deputy() {
        assertThat(actor(Map.of("roles", List.of("deputy"), "deputy_id", "zhu-heping", "unit_id", "ignored")))
                .isEqualTo(new Actor("uid-7", Role.DEPUTY, null, "zhu-heping"));
    }

    @Test
    void the_role_may_be_one_string_and_other_roles_of_the_issuer_are_skipped() {
        assertThat(actor(Map.of("roles", "Office")).role()).isEqualTo(Role.OFFICE);
        assertThat(actor(Map.of("roles", List.of("offline_access", "READER", "uma_authorization"))).role())
                .isEqualTo(Role.READER);
    }

    @Test
    void the_authority_is_the_role() {
        AbstractAuthenticationToken auth = actors.convert(jwt(Map.of("roles", List.of("SUPERVISOR"))));
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SUPERVISOR");
        assertThat(auth.getName()).isEqualTo("uid-7");
    }

    @Test
    void a_token_without_a_ledger_role_signs_in_with_no_authority() {
        AbstractAuthenticationToken auth = actors.convert(jwt(Map.of("roles", List.of("offline_access"))));
        assertThat(auth).isNotInstanceOf(ActorJwtAuthentication.class);
        assertThat(auth.getAuthorities()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMPORT", "SYSTEM", "system"})
    void no_token_grants_a_role_of_the_ledger_itself(String role) {
        assertThatThrownBy(() -> actors.convert(jwt(Map.of("roles", List.of("OFFICE", role)))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("reserved");
    }

    @Test
    void a_token_names_one_role() {
        assertThatThrownBy(() -> actors.convert(jwt(Map.of("roles", List.of("OFFICE", "READER")))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("several");
    }

    @Test
    void a_unit_or_deputy_token_names_whom_it_acts_for() {
        assertThatThrownBy(() -> actors.convert(jwt(Map.of("roles", List.of("UNIT")))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("unit_id");
        assertThatThrownBy(() -> actors.convert(jwt(Map.of("roles", List.of("DEPUTY"), "deputy_id", " "))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("deputy_id");
    }

    @Test
    void claim_names_are_configurable() {
        JwtProperties p = new JwtProperties();
        p.setRoleClaim("ledger_role");
        p.setUnitClaim("org");
        p.setUserClaim("email");
        Actor actor = ((ActorJwtAuthentication) new JwtActors(p).convert(jwt(Map.of("email", "chen@commerce.gov.cn",
                "ledger_role", "UNIT", "org", "commerce", "roles", List.of("OFFICE"))))).actor();
        assertThat(actor).isEqualTo(new Actor("chen@commerce.gov.cn", Role.UNIT, "commerce", null));
    }
}
