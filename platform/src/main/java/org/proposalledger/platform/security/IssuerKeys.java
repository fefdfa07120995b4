package org.proposalledger.platform.security;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The token decoder of profile {@code prod}: signature by the issuer's key, {@code iss} equal to
 * the configured issuer, not expired and not used before {@code nbf} (60 s clock skew), and the
 * audience when one is configured.
 */
final class IssuerKeys {

    private IssuerKeys() {
    }

    static JwtDecoder decoder(JwtProperties p) {
        String issuer = p.getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("Profile 'prod' signs users in with JWT bearer tokens: set "
                    + "ledger.security.jwt.issuer-uri (and ledger.security.jwt.public-key-location or "
                    + "ledger.security.jwt.jwk-set-uri unless the issuer publishes OpenID discovery).");
        }
        OAuth2TokenValidator<Jwt> validator = validator(issuer, p.getAudience());
        if (has(p.getPublicKeyLocation())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(p.getPublicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (has(p.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(p.getJwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // discovery on first use, so the process starts while the issuer is still coming up
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (has(audience)) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ledger.security.jwt.public-key-location " + location, e);
        }
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }
}
