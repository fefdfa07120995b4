package org.proposalledger.query.history;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.query.proposal.ProposalIds;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.proposal.Viewer;
import org.springframework.stereotype.Component;

/** Answers {@link GetProposalHistory}; a history is visible exactly when its proposal is. */
@Component
public class HistoryQueries {

    private final HistoryStore history;
    private final ProposalStore proposals;

    public HistoryQueries(HistoryStore history, ProposalStore proposals) {
        this.history = history;
        this.proposals = proposals;
    }

    @QueryHandler
    public ProposalHistory history(GetProposalHistory query, MetaData metaData) {
        if (!ProposalIds.isValid(query.proposalId())) {
            return null;
        }
        Viewer viewer = Viewer.fromMetaData(metaData);
        if (!viewer.seesAll() && !viewer.canSee(proposals.find(query.proposalId()))) {
            return null;
        }
        ProposalHistory found = history.find(query.proposalId());
        if (found == null || (query.from() == null && query.to() == null)) {
            return found;
        }
        return new ProposalHistory(found.proposalId(),
                found.entries().stream().filter(e -> query.includes(e.occurredAt())).toList());
    }
}
