package org.proposalledger.api.query.dashboard;

import java.time.Instant;

/** Answer to {@link GetSessionDashboard}: {@code scope} is "session", "unit" or "deputy". */
public record SessionDashboard(String sessionId, String scope, Instant asOf, ScopeFigures figures) {
}
