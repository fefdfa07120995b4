package org.proposalledger.api.query.dashboard;

import java.time.LocalDate;

/**
 * The session's (or, with {@code unitId}, one unit's) figures at the end of each day from
 * {@code from} to {@code to} inclusive, days reckoned in the ledger zone. Answer: {@link DailySeries}.
 */
public record GetDailySeries(String sessionId, String unitId, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 1100;

    public GetDailySeries {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("from and to are required, from not after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " days");
        }
    }
}
