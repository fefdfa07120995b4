package org.proposalledger.query.audit;

import org.proposalledger.api.query.ProposalHistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of the event feed. {@code nextCursor} continues after everything looked at for this
 * page (also events the filters left out), so a consumer stores it and asks again with
 * {@code after=nextCursor}; {@code caughtUp} is true when the page reached the end of the store.
 */
public record FeedPage(List<Event> events, String nextCursor, boolean caughtUp) {

    /** A stored event as downstream apps see it: the payload in today's shape (after upcasting). */
    public record Event(String eventId, String type, String aggregateType, String aggregateId, Long sequence,
                        Instant occurredAt, ProposalHistory.Who actor, String correlationId, String sessionId,
                        Map<String, Object> payload) {
    }
}
