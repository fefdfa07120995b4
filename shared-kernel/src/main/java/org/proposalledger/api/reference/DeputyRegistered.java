package org.proposalledger.api.reference;

import org.axonframework.serialization.Revision;

/** A deputy became known to the ledger. */
@Revision("1")
public record DeputyRegistered(
        DeputyId deputyId,
        String name,
        String delegation) {
}
