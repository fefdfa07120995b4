package org.proposalledger.query.proposal;

import org.proposalledger.api.Ids;
import org.proposalledger.query.core.Viewer;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.query.FindProposal;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalPage;
import org.proposalledger.api.query.ProposalView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers the shared-kernel proposal queries on Axon's query bus, for the HTTP API and for
 * Axon-based downstream apps alike. Visibility is applied here, from the asking actor in the
 * query's metadata, so every channel gets the same rules.
 */
@Component
public class ProposalQueries {

    private final ProposalStore store;

    public ProposalQueries(ProposalStore store) {
        this.store = store;
    }

    /** The proposal, or null when unknown or not visible to the asker. */
    @QueryHandler
    public ProposalView find(FindProposal query, MetaData metaData) {
        if (!Ids.isValid(query.proposalId())) {
            return null;
        }
        ProposalView view = store.find(query.proposalId());
        return Viewer.fromMetaData(metaData).canSee(view) ? view : null;
    }

    @QueryHandler
    public ProposalPage list(ListProposals query, MetaData metaData) {
        check(query);
        return Viewer.fromMetaData(metaData).restrict(query)
                .map(store::list)
                .orElseGet(() -> new ProposalPage(List.of(), null));
    }

    /** Bus callers skip the HTTP validation, so the values are checked again here. */
    private static void check(ListProposals q) {
        if (q.status() != null) {
            ProposalStatus.valueOf(q.status());
        }
        if (q.category() != null) {
            Category.valueOf(q.category());
        }
        if (q.cursor() != null) {
            PageCursor.decode(q.cursor(), ProposalOrder.parse(q.sort()));
        }
    }
}
