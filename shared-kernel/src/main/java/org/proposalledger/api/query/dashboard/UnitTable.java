package org.proposalledger.api.query.dashboard;

import java.time.Instant;
import java.util.List;

/** Answer to {@link GetUnitTable}. */
public record UnitTable(String sessionId, String sortBy, int minSample, Instant asOf, List<Row> ranked,
                        List<Row> belowMinimumSample) {

    /**
     * One unit: {@code rank} (1 = best, ties share a rank; null when below the minimum sample),
     * the ranking rate's {@code value} over its {@code sample} and its 95% Wilson interval.
     */
    public record Row(Integer rank, String unitId, long sample, Double value, Wilson wilson, ScopeFigures figures) {
    }
}
