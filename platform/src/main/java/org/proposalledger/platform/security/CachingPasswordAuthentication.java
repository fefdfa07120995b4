package org.proposalledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * HTTP Basic sign-in that runs bcrypt once per user and TTL, not once per request (the way
 * Elasticsearch's realms cache credentials): after a password has passed the stored bcrypt hash,
 * the user's entry keeps a random salt and SHA-256(salt, password) — never the password — and
 * the stored hash it was checked against. A later request is accepted from memory when its
 * password hashes to the same value (compared in constant time) and the user's stored hash is
 * still the one checked; anything else (another password, a changed or removed user, an expired
 * entry) goes through bcrypt again, and a failed check drops the entry. bcrypt stays the stored
 * format; the cache only lives in this process's memory.
 */
public final class CachingPasswordAuthentication implements AuthenticationProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DaoAuthenticationProvider bcrypt;
    private final UserDetailsService users;
    private final Cache<String, Verified> cache;

    /** A password that passed bcrypt: its salted hash, and the user record it passed against. */
    private record Verified(byte[] salt, byte[] hash, UserDetails user) {
    }

    public CachingPasswordAuthentication(UserDetailsService users, PasswordEncoder encoder,
                                         CredentialCacheProperties settings, Ticker ticker) {
        this.users = Objects.requireNonNull(users);
        this.bcrypt = new DaoAuthenticationProvider(users);
        this.bcrypt.setPasswordEncoder(encoder);
        this.cache = settings.enabled()
                ? Caffeine.newBuilder().maximumSize(settings.maxUsers()).expireAfterWrite(settings.ttl()).ticker(ticker).build()
                : null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object presented = authentication.getCredentials();
        if (cache == null || username == null || !(presented instanceof String password)) {
            return bcrypt.authenticate(authentication);
        }
        Verified entry = cache.getIfPresent(username);
        if (entry != null && MessageDigest.isEqual(entry.hash(), hash(entry.salt(), password))) {
            UserDetails current = current(username);
            // same stored hash and same actor: the user set has not changed for this user since the bcrypt check
            if (current != null && current.equals(entry.user())
                    && Objects.equals(current.getPassword(), entry.user().getPassword())) {
                return success(authentication, current);
            }
        }
        cache.invalidate(username);
        Authentication result = bcrypt.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof UserDetails user) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            cache.put(username, new Verified(salt, hash(salt, password), user));
        }
        return result;
    }

    /** Drops every remembered password: the next request of each user runs bcrypt. */
    public void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserDetails current(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    private static Authentication success(Authentication request, UserDetails user) {
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                user, request.getCredentials(), user.getAuthorities());
        result.setDetails(request.getDetails());
        return result;
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
