package org.proposalledger.api.reference;

import org.axonframework.serialization.Revision;

/** A handling unit's details were corrected. */
@Revision("1")
public record HandlingUnitUpdated(
        UnitId unitId,
        String name,
        UnitKind kind) {
}
