package org.proposalledger.api.proposal;

import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;

/**
 * A suggestion was handed in at a congress session, or imported from a published report. Revision 2
 * added {@code provenance}, recorded when the suggestion starts; revision-1 events are upcast with it
 * derived from the category (only an import filed under {@link Category#NOT_STATED}; the
 * ProposalSubmittedUpcaster in platform).
 */
@Revision("2")
public record ProposalSubmitted(
        ProposalId proposalId,
        SessionId sessionId,
        String title,
        List<DeputyId> proposerIds,
        boolean andOthers,
        Category category,
        String background,
        List<String> suggestions,
        Provenance provenance) implements ProposalEvent {
    public ProposalSubmitted {
        proposerIds = proposerIds == null ? List.of() : List.copyOf(proposerIds);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A suggestion handed in to the ledger. */
    public ProposalSubmitted(ProposalId proposalId, SessionId sessionId, String title, List<DeputyId> proposerIds,
                             boolean andOthers, Category category, String background, List<String> suggestions) {
        this(proposalId, sessionId, title, proposerIds, andOthers, category, background, suggestions,
                Provenance.SUBMITTED);
    }
}
