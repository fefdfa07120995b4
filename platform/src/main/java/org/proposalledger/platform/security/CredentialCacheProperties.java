package org.proposalledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.security.credential-cache.*}: how long a verified HTTP Basic password is
 * remembered (as a salted hash) so the next request with it skips bcrypt.
 *
 * @param ttl      how long after its bcrypt check a password is accepted from memory; {@code 0} turns the cache off
 * @param maxUsers at most this many users' entries are kept (least recently used leave first)
 */
@ConfigurationProperties("ledger.security.credential-cache")
public record CredentialCacheProperties(Duration ttl, Integer maxUsers) {

    public CredentialCacheProperties {
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        maxUsers = maxUsers == null ? 10_000 : maxUsers;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ledger.security.credential-cache.ttl must not be negative: " + ttl);
        }
        if (maxUsers < 0) {
            throw new IllegalArgumentException("ledger.security.credential-cache.max-users must not be negative: " + maxUsers);
        }
    }

    boolean enabled() {
        return !ttl.isZero() && maxUsers > 0;
    }
}
