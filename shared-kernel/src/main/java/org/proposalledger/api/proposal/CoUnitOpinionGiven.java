package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.UnitId;

/** A co-unit sent its opinion to the lead unit; late when after its one-month window. */
@Revision("1")
public record CoUnitOpinionGiven(
        ProposalId proposalId,
        UnitId unitId,
        String text,
        LocalDate givenOn,
        boolean late) implements ProposalEvent {
}
