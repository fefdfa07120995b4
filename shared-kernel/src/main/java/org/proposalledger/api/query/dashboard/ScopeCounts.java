package org.proposalledger.api.query.dashboard;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counts behind every rate, for one scope (a session, or a unit, category or deputy
 * within it). Counts are additive: a scope's counts are the sum of its proposals'
 * contributions, so a projection keeps them by subtracting a proposal's old contribution and
 * adding its new one. {@code daysToReply} is a histogram (days from assignment to the first
 * reply → number of proposals), which gives an exact median.
 * <p>
 * {@code undatedAssigned} counts the assigned proposals whose assignment carries no date —
 * those imported from a published report, which were assigned and answered but whose dates the
 * report does not state. They are in the base of the reply rate; the on-time and consultation
 * rates divide by {@link #datedAssigned()} only, since nothing is known of their deadlines or
 * consultations.
 * <p>
 * What each count means is defined once, in {@code org.proposalledger.query.dashboard.Contribution}
 * (which proposals count and how) and {@link Rates} (what the rates divide).
 */
public record ScopeCounts(
        long assigned,
        long undatedAssigned,
        long replied,
        long repliedOnTime,
        long consultedBeforeFirstReply,
        long rated,
        long satisfied,
        long basicallySatisfied,
        long unsatisfied,
        long overdue,
        long classA,
        long classB,
        long classC,
        long classD,
        Map<Integer, Long> daysToReply) {

    public static final ScopeCounts EMPTY = new ScopeCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    /** Counts without undated (imported) assignments, as before they were counted. */
    public ScopeCounts(long assigned, long replied, long repliedOnTime, long consultedBeforeFirstReply, long rated,
                       long satisfied, long basicallySatisfied, long unsatisfied, long overdue, long classA,
                       long classB, long classC, long classD, Map<Integer, Long> daysToReply) {
        this(assigned, 0, replied, repliedOnTime, consultedBeforeFirstReply, rated, satisfied, basicallySatisfied,
                unsatisfied, overdue, classA, classB, classC, classD, daysToReply);
    }

    /** The assigned proposals whose assignment is dated: the base of the on-time and consultation rates. */
    public long datedAssigned() {
        return assigned - undatedAssigned;
    }

    public ScopeCounts {
        TreeMap<Integer, Long> h = new TreeMap<>();
        if (daysToReply != null) {
            daysToReply.forEach((d, n) -> {
                if (n != null && n != 0) {
                    h.put(d, n);
                }
            });
        }
        daysToReply = java.util.Collections.unmodifiableSortedMap(h);
    }

    public ScopeCounts plus(ScopeCounts o) {
        return combine(o, 1);
    }

    public ScopeCounts minus(ScopeCounts o) {
        return combine(o, -1);
    }

    private ScopeCounts combine(ScopeCounts o, int sign) {
        TreeMap<Integer, Long> h = new TreeMap<>(daysToReply);
        o.daysToReply.forEach((d, n) -> h.merge(d, sign * n, Long::sum));
        return new ScopeCounts(assigned + sign * o.assigned, undatedAssigned + sign * o.undatedAssigned,
                replied + sign * o.replied,
                repliedOnTime + sign * o.repliedOnTime, consultedBeforeFirstReply + sign * o.consultedBeforeFirstReply,
                rated + sign * o.rated, satisfied + sign * o.satisfied,
                basicallySatisfied + sign * o.basicallySatisfied, unsatisfied + sign * o.unsatisfied,
                overdue + sign * o.overdue, classA + sign * o.classA, classB + sign * o.classB,
                classC + sign * o.classC, classD + sign * o.classD, h);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * Median of days from assignment to first reply over the replied proposals; the mean of the
     * two middle values for an even count; null when nothing was replied.
     */
    public Double medianDaysToReply() {
        long n = daysToReply.values().stream().mapToLong(Long::longValue).sum();
        if (n <= 0) {
            return null;
        }
        // 0-based ranks of the middle value(s)
        long lo = (n - 1) / 2;
        long hi = n / 2;
        Integer atLo = null;
        Integer atHi = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : daysToReply.entrySet()) {
            long next = seen + e.getValue();
            if (atLo == null && lo < next) {
                atLo = e.getKey();
            }
            if (hi < next) {
                atHi = e.getKey();
                break;
            }
            seen = next;
        }
        return (atLo + atHi) / 2.0;
    }
}
