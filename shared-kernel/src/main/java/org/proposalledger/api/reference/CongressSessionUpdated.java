package org.proposalledger.api.reference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A congress session's details were corrected. */
@Revision("1")
public record CongressSessionUpdated(
        SessionId sessionId,
        String name,
        LocalDate opensOn) {
}
