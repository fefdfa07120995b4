package org.proposalledger.api.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a congress session (PUT is idempotent). */
public record RecordCongressSession(
        SessionId sessionId,
        String name,
        LocalDate opensOn) {

    /** All aggregate types share one identifier space in the event store, so reference ids carry a type prefix. */
    public static String aggregateIdOf(SessionId sessionId) {
        return "session:" + sessionId.value();
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return sessionId == null ? null : aggregateIdOf(sessionId);
    }
}
