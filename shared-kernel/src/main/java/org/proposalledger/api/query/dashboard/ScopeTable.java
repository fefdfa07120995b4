package org.proposalledger.api.query.dashboard;

import java.time.Instant;
import java.util.List;

/** Answer to {@link GetScopeTable}: rows in key order. */
public record ScopeTable(String sessionId, GetScopeTable.By by, Instant asOf, List<ScopeFigures> rows) {
}
