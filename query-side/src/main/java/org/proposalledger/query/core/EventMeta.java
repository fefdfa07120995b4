package org.proposalledger.query.core;

import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.security.Actor;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the fold needs to know about an event besides its payload: its place in the
 * proposal's stream, when it happened, who did it and under which correlation id.
 */
public record EventMeta(long sequence, Instant timestamp, ProposalHistory.Who actor, String correlationId) {

    public EventMeta {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Reads actor and correlation id from message metadata; missing keys stay null. */
    public static EventMeta of(long sequence, Instant timestamp, Map<String, ?> metaData) {
        ProposalHistory.Who who = metaData.get(Actor.USER) == null && metaData.get(Actor.ROLE) == null
                ? null
                : new ProposalHistory.Who(str(metaData.get(Actor.USER)), str(metaData.get(Actor.ROLE)),
                str(metaData.get(Actor.UNIT_ID)), str(metaData.get(Actor.DEPUTY_ID)));
        return new EventMeta(sequence, timestamp, who, str(metaData.get(Actor.CORRELATION_ID)));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
