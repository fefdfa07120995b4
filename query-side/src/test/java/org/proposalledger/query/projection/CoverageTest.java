package org.proposalledger.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters' re-delivery marker: Axon's gap-aware token, reduced and written as text. */
class CoverageTest {

    private static Coverage cov(long index, Long... gaps) {
        return Coverage.of(index, List.of(gaps));
    }

    @Test
    void coversEveryPositionUpToTheIndexButTheGaps() {
        Coverage c = cov(12, 3L, 11L);
        assertThat(c.covers(0)).isTrue();
        assertThat(c.covers(3)).isFalse();
        assertThat(c.covers(10)).isTrue();
        assertThat(c.covers(11)).isFalse();
        assertThat(c.covers(12)).isTrue();
        assertThat(c.covers(13)).isFalse();
    }

    @Test
    void coversAnotherWhenItCoversEachOfItsPositions() {
        assertThat(cov(12, 11L).covers(cov(10))).isTrue();
        assertThat(cov(12, 11L).covers(cov(12, 11L))).isTrue();
        assertThat(cov(12, 11L).covers(cov(13, 11L, 12L))).isFalse();
        // the event at 11 came late: the token after it covers 11, the marker does not
        assertThat(cov(12, 11L).covers(cov(12))).isFalse();
        assertThat(cov(12).covers(cov(12, 11L))).isTrue();
        assertThat(cov(12, 5L).covers(cov(8, 5L, 6L))).isTrue();
        assertThat(cov(12, 5L).covers(cov(8, 6L))).isFalse();
    }

    @Test
    void theUnionCoversWhatEitherCovers() {
        assertThat(cov(12, 5L, 11L).union(cov(10, 4L, 5L))).isEqualTo(cov(12, 5L, 11L));
        assertThat(cov(10, 4L, 5L).union(cov(12, 5L, 11L))).isEqualTo(cov(12, 5L, 11L));
        // 11 filled: gone from the gaps; 13 is above the lower index: still a gap
        assertThat(cov(12, 11L).union(cov(14, 13L))).isEqualTo(cov(14, 13L));
        assertThat(cov(14, 10L, 13L).union(cov(12, 11L))).isEqualTo(cov(14, 13L));
    }

    @Test
    void theTextFormIsCompactAndReadsBack() {
        Coverage c = cov(120, 7L, 9L, 10L, 11L, 40L);
        assertThat(c.encode()).isEqualTo("120:7,9-11,40");
        assertThat(Coverage.decode("120:7,9-11,40")).isEqualTo(c);
        assertThat(cov(5).encode()).isEqualTo("5");
        assertThat(Coverage.decode("5")).isEqualTo(cov(5));
        // a marker stored before markers were gap-aware: every position up to it
        assertThat(Coverage.decode(12L)).isEqualTo(cov(12));
        assertThat(Coverage.decode(12)).isEqualTo(cov(12));
        assertThat(Coverage.decode(null)).isNull();
    }

    @Test
    void readsAxonTokensUnwrappingAReplay() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(12, List.of(11L));
        assertThat(Coverage.of(token)).isEqualTo(cov(12, 11L));
        assertThat(Coverage.of(new ReplayToken(GapAwareTrackingToken.newInstance(20, List.of()), token)))
                .isEqualTo(cov(12, 11L));
        assertThat(Coverage.of(new GlobalSequenceTrackingToken(7))).isEqualTo(cov(7));
        assertThat(Coverage.of(null)).isNull();
    }

    @Test
    void aGapAwareTokenDoesNotTellTheEventsOwnPosition() {
        // the event at 11 commits after 12 was seen: its token is index 12, as 12's would be
        GapAwareTrackingToken late = GapAwareTrackingToken.newInstance(12, List.of(11L)).advanceTo(11, 10_000);
        assertThat(late.getIndex()).isEqualTo(12);
        assertThat(Coverage.exactPosition(late)).isEqualTo(-1);
        assertThat(Coverage.exactPosition(new GlobalSequenceTrackingToken(7))).isEqualTo(7);
        assertThat(Coverage.exactPosition(new ReplayToken(new GlobalSequenceTrackingToken(9),
                new GlobalSequenceTrackingToken(7)))).isEqualTo(7);
        assertThat(Coverage.exactPosition(null)).isEqualTo(-1);
    }
}
