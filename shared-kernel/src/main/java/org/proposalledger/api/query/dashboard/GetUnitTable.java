package org.proposalledger.api.query.dashboard;

import java.time.Instant;

/**
 * The per-unit table of a session, ranked by the rate {@code sortBy} (one of
 * {@link Rates#NAMES}) from best to worst; units whose sample for that rate (its base) is below
 * {@code minSample} are listed apart, unranked. Answer: {@link UnitTable}.
 */
public record GetUnitTable(String sessionId, String sortBy, int minSample, Instant asOf) {

    public GetUnitTable {
        if (sortBy == null) {
            sortBy = "replyRate";
        }
        if (!Rates.NAMES.contains(sortBy)) {
            throw new IllegalArgumentException("sortBy must be one of " + Rates.NAMES);
        }
        if (minSample < 0) {
            throw new IllegalArgumentException("minSample must not be negative");
        }
    }
}
