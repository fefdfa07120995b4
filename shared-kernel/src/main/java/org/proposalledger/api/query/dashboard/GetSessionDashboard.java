package org.proposalledger.api.query.dashboard;

import java.time.Instant;

/**
 * Totals and rates of a session, as they stand ({@code asOf} null) or as they stood at
 * {@code asOf}. Asked by a UNIT actor it answers that unit's figures within the session, by a
 * DEPUTY actor that deputy's. Answer: {@link SessionDashboard}.
 */
public record GetSessionDashboard(String sessionId, Instant asOf) {
}
