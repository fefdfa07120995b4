package org.proposalledger.api.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a congress session (PUT is idempotent). */
public record RecordCongressSession(
        @TargetAggregateIdentifier SessionId sessionId,
        String name,
        LocalDate opensOn) {
}
