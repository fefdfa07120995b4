package org.proposalledger.api.query.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RatesTest {

    private static ScopeCounts counts(long assigned, long replied, long onTime, long consulted, long satisfied,
                                      long basically, long unsatisfied) {
        return new ScopeCounts(assigned, replied, onTime, consulted, satisfied + basically + unsatisfied, satisfied,
                basically, unsatisfied, 0, 0, 0, 0, 0, Map.of());
    }

    @Test
    void nothingAssignedMeansNoRateNotZeroNorHundredPercent() {
        Rates r = Rates.of(ScopeCounts.EMPTY);
        assertThat(r).isEqualTo(new Rates(null, null, null, null, null));
    }

    @Test
    void assignedButNothingRatedHasReplyRatesAndNoSatisfactionRate() {
        Rates r = Rates.of(counts(4, 0, 0, 0, 0, 0, 0));
        assertThat(r.replyRate()).isEqualTo(0.0);
        assertThat(r.onTimeReplyRate()).isEqualTo(0.0);
        assertThat(r.consultationRate()).isEqualTo(0.0);
        assertThat(r.satisfactionRate()).isNull();
        assertThat(r.satisfiedRate()).isNull();
    }

    @Test
    void eachRateDividesItsOwnNumeratorByItsOwnBase() {
        // 10 assigned, 8 replied, 6 on time, 5 consulted before the first reply; of 8 rated:
        // 3 satisfied, 3 basically satisfied, 2 unsatisfied
        Rates r = Rates.of(counts(10, 8, 6, 5, 3, 3, 2));
        assertThat(r.replyRate()).isEqualTo(0.8);
        assertThat(r.onTimeReplyRate()).isEqualTo(0.6);
        assertThat(r.consultationRate()).isEqualTo(0.5);
        assertThat(r.satisfactionRate()).isEqualTo(0.75); // (3 + 3) / 8
        assertThat(r.satisfiedRate()).isEqualTo(0.375); // 3 / 8
    }

    @Test
    void undatedImportedAssignmentsAreInTheReplyBaseOnlyBesidesRatings() {
        // 10 assigned, 4 of them imported from a report (undated, replied); of the 6 dated:
        // 5 replied, 3 on time, 2 consulted before the first reply
        ScopeCounts c = new ScopeCounts(10, 4, 9, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
        assertThat(c.datedAssigned()).isEqualTo(6);
        Rates r = Rates.of(c);
        assertThat(r.replyRate()).isEqualTo(0.9); // 9 / 10: the imported ones were answered
        assertThat(r.onTimeReplyRate()).isEqualTo(0.5); // 3 / 6
        assertThat(r.consultationRate()).isCloseTo(1.0 / 3, within(1e-12)); // 2 / 6
        assertThat(Rates.fraction(c, "onTimeReplyRate")).isEqualTo(new Rates.Fraction(3, 6));
        assertThat(Rates.fraction(c, "consultationRate")).isEqualTo(new Rates.Fraction(2, 6));
        assertThat(Rates.fraction(c, "replyRate")).isEqualTo(new Rates.Fraction(9, 10));
    }

    @Test
    void aSessionKnownOnlyFromAnImportedReportHasAReplyRateAndNoOtherRate() {
        Rates r = Rates.of(new ScopeCounts(4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of()));
        assertThat(r).isEqualTo(new Rates(1.0, null, null, null, null));
    }

    @Test
    void theUndatedCountAddsAndSubtracts() {
        ScopeCounts imported = new ScopeCounts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
        ScopeCounts dated = new ScopeCounts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
        assertThat(imported.plus(dated).undatedAssigned()).isEqualTo(1);
        assertThat(imported.plus(dated).minus(imported)).isEqualTo(dated);
    }

    @Test
    void fractionsNameTheirBaseForTheRanking() {
        ScopeCounts c = counts(10, 8, 6, 5, 3, 3, 2);
        assertThat(Rates.fraction(c, "replyRate")).isEqualTo(new Rates.Fraction(8, 10));
        assertThat(Rates.fraction(c, "satisfactionRate")).isEqualTo(new Rates.Fraction(6, 8));
        assertThat(Rates.fraction(c, "satisfiedRate")).isEqualTo(new Rates.Fraction(3, 8));
        assertThatThrownBy(() -> Rates.fraction(c, "nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wilsonMatchesReferenceValues() {
        // reference values: R binom::binom.wilson / statsmodels proportion_confint(method="wilson")
        Wilson w = Wilson.of(8, 10);
        assertThat(w.lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(w.upper()).isCloseTo(0.9433, within(1e-4));
        Wilson all = Wilson.of(10, 10);
        assertThat(all.lower()).isCloseTo(0.7225, within(1e-4));
        assertThat(all.upper()).isEqualTo(1.0);
        Wilson none = Wilson.of(0, 5);
        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isCloseTo(0.4345, within(1e-4));
        Wilson half = Wilson.of(50, 100);
        assertThat(half.lower()).isCloseTo(0.4038, within(1e-4));
        assertThat(half.upper()).isCloseTo(0.5962, within(1e-4));
        assertThat(Wilson.of(0, 0)).isEqualTo(new Wilson(null, null));
    }

    @Test
    void countsAddAndSubtractExactlyIncludingTheHistogram() {
        ScopeCounts a = new ScopeCounts(1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, Map.of(30, 1L));
        ScopeCounts b = new ScopeCounts(1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, Map.of(40, 1L));
        ScopeCounts sum = a.plus(b);
        assertThat(sum.assigned()).isEqualTo(2);
        assertThat(sum.daysToReply()).containsExactly(Map.entry(30, 1L), Map.entry(40, 1L));
        assertThat(sum.minus(b)).isEqualTo(a);
        assertThat(sum.minus(a).minus(b).isEmpty()).isTrue();
    }

    @Test
    void medianComesExactlyFromTheHistogram() {
        assertThat(ScopeCounts.EMPTY.medianDaysToReply()).isNull();
        assertThat(hist(Map.of(30, 1L)).medianDaysToReply()).isEqualTo(30.0);
        // 10, 20, 20, 50 → (20 + 20) / 2
        assertThat(hist(Map.of(10, 1L, 20, 2L, 50, 1L)).medianDaysToReply()).isEqualTo(20.0);
        // 10, 20 → 15
        assertThat(hist(Map.of(10, 1L, 20, 1L)).medianDaysToReply()).isEqualTo(15.0);
        // 1, 2, 2, 2, 9 → 2
        assertThat(hist(Map.of(1, 1L, 2, 3L, 9, 1L)).medianDaysToReply()).isEqualTo(2.0);
        // 3, 3, 7, 7 → 5
        assertThat(hist(Map.of(3, 2L, 7, 2L)).medianDaysToReply()).isEqualTo(5.0);
    }

    private static ScopeCounts hist(Map<Integer, Long> h) {
        return new ScopeCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, h);
    }
}
