package org.proposalledger.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.security.Actor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingPasswordAuthenticationTest {

    /** Real bcrypt, counted: how many times a request paid for it. */
    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };
    private final Map<String, LedgerUser> userSet = new ConcurrentHashMap<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    private CachingPasswordAuthentication provider(Duration ttl) {
        userSet.put("office", new LedgerUser(Actor.office("office"), real.encode("right")));
        return new CachingPasswordAuthentication(name -> {
            LedgerUser user = userSet.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        }, counting, new CredentialCacheProperties(ttl, 100), ticker);
    }

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void a_second_request_with_the_same_password_skips_bcrypt() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        Authentication first = p.authenticate(basic("office", "right"));
        Authentication second = p.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(((LedgerUser) second.getPrincipal()).actor()).isEqualTo(((LedgerUser) first.getPrincipal()).actor());
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICE");
    }

    @Test
    void a_wrong_password_after_a_cached_right_one_is_refused() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        p.authenticate(basic("office", "right"));
        assertThatThrownBy(() -> p.authenticate(basic("office", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> p.authenticate(basic("office", "right "))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3); // each wrong one was checked by bcrypt, not answered from memory
        // the refusal dropped the entry: the right password is checked by bcrypt again, then remembered
        p.authenticate(basic("office", "right"));
        p.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void a_changed_password_or_a_removed_user_is_not_answered_from_memory() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        p.authenticate(basic("office", "right"));
        userSet.put("office", new LedgerUser(Actor.office("office"), real.encode("new secret")));
        assertThatThrownBy(() -> p.authenticate(basic("office", "right"))).isInstanceOf(BadCredentialsException.class);
        assertThat(p.authenticate(basic("office", "new secret")).isAuthenticated()).isTrue();

        userSet.remove("office");
        assertThatThrownBy(() -> p.authenticate(basic("office", "new secret"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_changed_role_is_not_answered_from_memory() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        p.authenticate(basic("office", "right"));
        String sameHash = userSet.get("office").password();
        userSet.put("office", new LedgerUser(new Actor("office", org.proposalledger.api.security.Role.READER, null, null),
                sameHash));
        Authentication after = p.authenticate(basic("office", "right"));
        assertThat(after.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_READER");
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void an_entry_expires_after_its_ttl() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        p.authenticate(basic("office", "right"));
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        p.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(1);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos()); // 6 minutes after the bcrypt check
        p.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void invalidate_all_and_a_zero_ttl_fall_back_to_bcrypt() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        p.authenticate(basic("office", "right"));
        p.invalidateAll();
        p.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(2);

        CachingPasswordAuthentication off = provider(Duration.ZERO);
        off.authenticate(basic("office", "right"));
        off.authenticate(basic("office", "right"));
        assertThat(bcryptChecks).hasValue(4);
    }

    /** Prints what a sign-in costs from memory and through bcrypt; asserts only that the hits ran no bcrypt. */
    @Test
    void measures_a_hit_against_bcrypt() {
        CachingPasswordAuthentication cached = provider(Duration.ofMinutes(5));
        CachingPasswordAuthentication off = provider(Duration.ZERO);
        int hits = 20_000;
        int misses = 50;
        for (int i = 0; i < hits; i++) { // warm-up
            cached.authenticate(basic("office", "right"));
        }
        int before = bcryptChecks.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < hits; i++) {
            cached.authenticate(basic("office", "right"));
        }
        double hit = (System.nanoTime() - t0) / 1e3 / hits;
        assertThat(bcryptChecks.get()).isEqualTo(before);
        long t1 = System.nanoTime();
        for (int i = 0; i < misses; i++) {
            off.authenticate(basic("office", "right"));
        }
        double bcrypt = (System.nanoTime() - t1) / 1e3 / misses;
        System.out.printf("[credential-cost] HTTP Basic sign-in from the cache: %.1f µs; through bcrypt (%s): %.0f µs%n",
                hit, userSet.get("office").password().substring(0, 12), bcrypt);
    }

    @Test
    void an_unknown_user_is_refused() {
        CachingPasswordAuthentication p = provider(Duration.ofMinutes(5));
        assertThatThrownBy(() -> p.authenticate(basic("nobody", "right"))).isInstanceOf(BadCredentialsException.class);
    }
}
