package org.proposalledger.api.reference;

import org.axonframework.serialization.Revision;

/** A deputy's details were corrected. */
@Revision("1")
public record DeputyUpdated(
        DeputyId deputyId,
        String name,
        String delegation) {
}
