package org.proposalledger.api.query.dashboard;

/**
 * A scope's counts with the rates and median derived from them. {@code key} names the scope
 * within its session: the unit id, category or deputy id; null for the session itself.
 */
public record ScopeFigures(String key, ScopeCounts counts, Rates rates, Double medianDaysToReply) {

    public static ScopeFigures of(String key, ScopeCounts counts) {
        return new ScopeFigures(key, counts, Rates.of(counts), counts.medianDaysToReply());
    }
}
