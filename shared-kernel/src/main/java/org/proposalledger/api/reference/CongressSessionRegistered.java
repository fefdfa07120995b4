package org.proposalledger.api.reference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A congress session became known to the ledger. */
@Revision("1")
public record CongressSessionRegistered(
        SessionId sessionId,
        String name,
        LocalDate opensOn) {
}
