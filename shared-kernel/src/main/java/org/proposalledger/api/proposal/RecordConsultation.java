package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit records a consultation (面商) with the deputy. */
public record RecordConsultation(
        @TargetAggregateIdentifier ProposalId proposalId,
        LocalDate heldOn,
        ConsultationMode mode,
        List<String> participants,
        String notes) {
    public RecordConsultation {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
