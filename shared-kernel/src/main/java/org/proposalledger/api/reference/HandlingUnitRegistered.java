package org.proposalledger.api.reference;

import org.axonframework.serialization.Revision;

/** A handling unit became known to the ledger. */
@Revision("1")
public record HandlingUnitRegistered(
        UnitId unitId,
        String name,
        UnitKind kind) {
}
