package org.proposalledger.query.audit;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.Ids;
import org.proposalledger.query.core.ProposalStreams;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

/**
 * A proposal as it stood then, folded from its events ({@link ProposalStreams}). Visibility is
 * judged on the proposal as it stands now, folded from the same events, so the answer never waits
 * for the projection and follows the rules of {@code GET /proposals/{id}}.
 */
@Component
public class PointInTimeQueries {

    private final ProposalStreams streams;

    public PointInTimeQueries(ProposalStreams streams) {
        this.streams = streams;
    }

    @QueryHandler
    public ProposalView stateAt(GetProposalStateAt query, MetaData metaData) {
        if (!Ids.isValid(query.proposalId())) {
            return null;
        }
        ProposalView[] then = {null};
        ProposalView now = streams.read(query.proposalId(), (event, meta, after) -> {
            boolean included = query.sequence() != null ? meta.sequence() <= query.sequence()
                    : !meta.timestamp().isAfter(query.asOf());
            if (included) {
                then[0] = after;
            }
        });
        return Viewer.fromMetaData(metaData).canSee(now) ? then[0] : null;
    }
}
