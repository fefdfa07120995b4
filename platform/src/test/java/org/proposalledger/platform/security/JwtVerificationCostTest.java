package org.proposalledger.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What profile {@code prod} pays per request to check a bearer token (RS256 signature by the
 * configured public key, issuer, expiry, the actor from the claims), measured the way the
 * credential cache's effect is: per call after warm-up. Prints microseconds per verification;
 * asserts only that every one of the tokens was verified and read, not how fast.
 */
class JwtVerificationCostTest {

    private static final String ISSUER = "https://id.example.gov.cn/realms/ledger";

    @Test
    void measuresTokenVerificationPerRequest(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = dir.resolve("issuer.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        JwtProperties properties = new JwtProperties();
        properties.setIssuerUri(ISSUER);
        properties.setPublicKeyLocation(pem.toUri().toString());
        JwtDecoder decoder = IssuerKeys.decoder(properties);
        JwtActors actors = new JwtActors(properties);

        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("u-1").claim("preferred_username", "li.ming").claim("roles", List.of("OFFICE"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        token.sign(new RSASSASigner(keys.getPrivate()));
        String bearer = token.serialize();

        int warmUp = 5_000;
        int timed = 5_000;
        int verified = 0;
        for (int i = 0; i < warmUp; i++) {
            verified += actors.convert(decoder.decode(bearer)) instanceof ActorJwtAuthentication ? 1 : 0;
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            Jwt jwt = decoder.decode(bearer);
            verified += actors.convert(jwt) instanceof ActorJwtAuthentication a && a.actor().user().equals("li.ming") ? 1 : 0;
        }
        double micros = (System.nanoTime() - t0) / 1e3 / timed;
        System.out.printf("[jwt-cost] RS256 2048-bit token verified and read into an actor: %.1f µs per request"
                + " (%d calls after %d warm-up)%n", micros, timed, warmUp);
        assertThat(verified).isEqualTo(warmUp + timed);
    }
}
