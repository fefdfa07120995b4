package org.proposalledger.api.query.dashboard;

import java.time.Instant;

/**
 * Figures of every category ({@code by} = CATEGORY) or every deputy ({@code by} = DEPUTY) of a
 * session, now or {@code asOf}. A DEPUTY actor gets their own row only. Answer: {@link ScopeTable}.
 */
public record GetScopeTable(String sessionId, By by, Instant asOf) {

    public enum By { CATEGORY, DEPUTY }
}
