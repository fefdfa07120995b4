package org.proposalledger.query.audit;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.query.core.ProposalStreams;
import org.proposalledger.query.core.Viewer;
import org.proposalledger.query.proposal.ProposalStore;
import org.springframework.stereotype.Component;

/** The audit reads on the query bus: a proposal's chain verification and the event feed. */
@Component
public class AuditQueries {

    /** The hash chain of a proposal's stream, checked; null when the proposal is unknown or not visible. */
    public record VerifyProposalChain(String proposalId) {
    }

    /** A page of the event feed after {@code after} (a cursor, null from the start), for readers and above. */
    public record ReadEventFeed(String after, int limit, String type, String sessionId) {
    }

    private final ProposalStreams streams;
    private final ChainVerifier verifier;
    private final ProposalStore proposals;
    private final EventFeed feed;

    public AuditQueries(ProposalStreams streams, ChainVerifier verifier, ProposalStore proposals, EventFeed feed) {
        this.streams = streams;
        this.verifier = verifier;
        this.proposals = proposals;
        this.feed = feed;
    }

    /**
     * The chain recomputed from the stored rows. Deleting a proposal's latest events leaves a
     * shorter chain that still holds; the read model, which saw them, betrays that.
     */
    @QueryHandler
    public ChainReport verification(VerifyProposalChain query, MetaData metaData) {
        String id = query.proposalId();
        if (!Viewer.fromMetaData(metaData).canSee(streams.current(id))) {
            return null;
        }
        ChainReport report = verifier.verify(id);
        ProposalView projected = proposals.find(id);
        if (report.intact() && projected != null && projected.version() >= report.events()) {
            return new ChainReport(id, ChainReport.BROKEN, report.events(), report.chained(), report.unchained(),
                    report.events(), "event-missing", "the read model has applied events up to sequence "
                    + projected.version() + ", the store ends at " + (report.events() - 1), null);
        }
        return report;
    }

    @QueryHandler
    public FeedPage events(ReadEventFeed query, MetaData metaData) {
        if (!Viewer.fromMetaData(metaData).actsAsAnyOf(Role.OFFICE, Role.SUPERVISOR, Role.READER)) {
            throw new ReadRefusedException("readers-only",
                    "Only the office, supervisors and readers read the event feed.");
        }
        return feed.read(query.after(), query.limit(), query.type(), query.sessionId());
    }
}
