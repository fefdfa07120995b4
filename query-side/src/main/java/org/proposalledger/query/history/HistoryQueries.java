package org.proposalledger.query.history;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.Ids;
import org.proposalledger.query.core.ProposalStreams;
import org.proposalledger.query.core.Viewer;
import org.proposalledger.query.mongo.DocumentMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@link GetProposalHistory} from the event store itself ({@link ProposalStreams}): each of
 * the proposal's events with who did it, when, under which correlation id, and its payload. The
 * audit trail is then the record, not a copy of it — never behind, never rebuilt, and one indexed
 * read of a few rows however large the store grows. A history is visible exactly when its
 * proposal is, judged on the proposal as it stands, folded from the same events.
 */
@Component
public class HistoryQueries {

    private final ProposalStreams streams;
    private final DocumentMapper mapper;

    public HistoryQueries(ProposalStreams streams, DocumentMapper mapper) {
        this.streams = streams;
        this.mapper = mapper;
    }

    @QueryHandler
    public ProposalHistory history(GetProposalHistory query, MetaData metaData) {
        if (!Ids.isValid(query.proposalId())) {
            return null;
        }
        List<ProposalHistory.Entry> entries = new ArrayList<>();
        ProposalView now = streams.read(query.proposalId(), (event, meta, after) -> {
            if (query.includes(meta.timestamp())) {
                entries.add(new ProposalHistory.Entry(meta.sequence(), event.getClass().getSimpleName(),
                        meta.timestamp(), meta.actor(), meta.correlationId(), mapper.toMap(event)));
            }
        });
        if (now == null || !Viewer.fromMetaData(metaData).canSee(now)) {
            return null;
        }
        return new ProposalHistory(query.proposalId(), List.copyOf(entries));
    }
}
