package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalIdsTest {

    private static final Instant NOW = Instant.parse("2024-03-11T02:00:00.123Z");

    @Test
    void ids_are_version_7_uuids_carrying_the_creation_millisecond() {
        UUID id = new ProposalIds(Clock.fixed(NOW, ZoneOffset.UTC)).nextUuid();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void ids_made_within_one_millisecond_still_sort_in_creation_order() {
        // a frozen clock forces the counter through its whole range and into the next millisecond
        ProposalIds ids = new ProposalIds(Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next().value());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_clock_that_goes_back_does_not_break_the_order() {
        MutableClock clock = new MutableClock(NOW);
        ProposalIds ids = new ProposalIds(clock);
        String first = ids.next().value();
        clock.now = NOW.minusSeconds(5);
        String second = ids.next().value();

        assertThat(second).isGreaterThan(first);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
