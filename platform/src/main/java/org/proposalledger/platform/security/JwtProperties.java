package org.proposalledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.jwt.*}: how profile {@code prod} checks bearer tokens and reads the
 * ledger actor from their claims. The issuer is required; the signing keys come from the
 * public key file if given, else the JWK set URI, else the issuer's OpenID discovery document.
 */
@ConfigurationProperties("ledger.security.jwt")
public class JwtProperties {

    /** The {@code iss} every token must carry, e.g. {@code https://id.example.gov.cn/realms/ledger}. */
    private String issuerUri;
    /** Where the issuer publishes its signing keys; default: found through the issuer's discovery document. */
    private String jwkSetUri;
    /** A PEM file (X.509 SubjectPublicKeyInfo) with the issuer's RSA public key, e.g. {@code file:/etc/ledger/issuer.pem}. */
    private String publicKeyLocation;
    /** If set, the {@code aud} claim must contain it. */
    private String audience;
    /** Claim naming the user recorded on events; {@code sub} when the token lacks it. */
    private String userClaim = "preferred_username";
    /** Claim with the ledger role: a string or a list of strings (other values in the list are ignored). */
    private String roleClaim = "roles";
    /** Claim with the unit a UNIT user acts for. */
    private String unitClaim = "unit_id";
    /** Claim with the deputy a DEPUTY user acts for. */
    private String deputyClaim = "deputy_id";

    public String getIssuerUri() {
        return issuerUri;
    }

    public void setIssuerUri(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public String getPublicKeyLocation() {
        return publicKeyLocation;
    }

    public void setPublicKeyLocation(String publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getUserClaim() {
        return userClaim;
    }

    public void setUserClaim(String userClaim) {
        this.userClaim = userClaim;
    }

    public String getRoleClaim() {
        return roleClaim;
    }

    public void setRoleClaim(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    public String getUnitClaim() {
        return unitClaim;
    }

    public void setUnitClaim(String unitClaim) {
        this.unitClaim = unitClaim;
    }

    public String getDeputyClaim() {
        return deputyClaim;
    }

    public void setDeputyClaim(String deputyClaim) {
        this.deputyClaim = deputyClaim;
    }
}
