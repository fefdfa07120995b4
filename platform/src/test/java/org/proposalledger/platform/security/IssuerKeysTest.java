package org.proposalledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerKeysTest {

    private static Jwt jwt(String issuer, List<String> audience, Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u").issuer(issuer).audience(audience)
                .issuedAt(expires.minusSeconds(3600)).expiresAt(expires).build();
    }

    @Test
    void prod_needs_an_issuer() {
        assertThatThrownBy(() -> IssuerKeys.decoder(new JwtProperties()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger.security.jwt.issuer-uri");
    }

    @Test
    void tokens_must_come_from_the_issuer_for_the_audience_and_be_current() {
        OAuth2TokenValidator<Jwt> v = IssuerKeys.validator("https://id.test/r", "ledger");
        Instant later = Instant.now().plusSeconds(600);
        assertThat(v.validate(jwt("https://id.test/r", List.of("ledger", "other"), later)).hasErrors()).isFalse();
        assertThat(v.validate(jwt("https://id.test/other", List.of("ledger"), later)).hasErrors()).isTrue();
        assertThat(v.validate(jwt("https://id.test/r", List.of("other"), later)).hasErrors()).isTrue();
        assertThat(v.validate(jwt("https://id.test/r", List.of("ledger"), Instant.now().minusSeconds(300))).hasErrors())
                .isTrue();
    }

    @Test
    void without_an_audience_any_is_accepted() {
        OAuth2TokenValidator<Jwt> v = IssuerKeys.validator("https://id.test/r", null);
        assertThat(v.validate(jwt("https://id.test/r", List.of("x"), Instant.now().plusSeconds(600))).hasErrors())
                .isFalse();
    }
}
