package org.proposalledger.command.proposal;

import org.proposalledger.api.proposal.ProposalId;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * New proposal ids as UUID version 7 (RFC 9562): a millisecond timestamp first, so ids sort by
 * creation. Within one millisecond a 12-bit counter (method 1 of the RFC) keeps ids from this
 * generator strictly increasing; the rest is random, so several processes never collide.
 */
public final class ProposalIds {

    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long counter;

    public ProposalIds(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public ProposalId next() {
        return ProposalId.of(nextUuid().toString());
    }

    synchronized UUID nextUuid() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            // start low in the range so a burst within one millisecond rarely runs out of counter
            counter = random.nextInt(1 << (COUNTER_BITS - 1));
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            // counter exhausted (or the clock went back): borrow the next millisecond
            lastMillis++;
            counter = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
