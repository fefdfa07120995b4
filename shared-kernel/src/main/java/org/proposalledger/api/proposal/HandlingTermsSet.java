package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

/**
 * The terms an assignment (or reassignment) runs under, fixed from the session's rules and the
 * working-day calendar at that moment. Follows ProposalAssigned / ProposalReassigned, so those
 * events keep their shape.
 */
@Revision("1")
public record HandlingTermsSet(
        ProposalId proposalId,
        SessionId sessionId,
        UnitId leadUnitId,
        LocalDate replyDueOn,
        LocalDate returnWindowEndsOn,
        List<UnitId> coUnitIds,
        LocalDate coUnitOpinionDueOn,
        int reminderWorkingDays) implements ProposalEvent {
    public HandlingTermsSet {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
