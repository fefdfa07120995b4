package org.proposalledger.query.audit;

import org.proposalledger.query.core.Instants;
import org.proposalledger.platform.web.InvalidParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainSummary;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.CorrelationIdFilter;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.platform.web.Problems;
import org.proposalledger.query.core.ProposalIds;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.core.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The audit API: a proposal as it stood at an instant or sequence, the verification of its
 * hash chain, the whole-store verification (office), and the event feed (readers and above).
 */
@RestController
@RequestMapping("/api/v1")
public class AuditController {

    private static final String ID_MESSAGE = "must be 1-64 characters of A-Z a-z 0-9 . _ -";

    private final QueryGateway queries;
    private final PointInTimeQueries pointInTime;
    private final ChainVerifier verifier;
    private final ProposalStore proposals;
    private final EventFeed feed;
    private final LedgerProperties properties;

    public AuditController(QueryGateway queries, PointInTimeQueries pointInTime, ChainVerifier verifier,
                           ProposalStore proposals, EventFeed feed, LedgerProperties properties) {
        this.queries = queries;
        this.pointInTime = pointInTime;
        this.verifier = verifier;
        this.proposals = proposals;
        this.feed = feed;
        this.properties = properties;
    }

    @GetMapping("/proposals/{id}/state")
    public ProposalView state(@PathVariable @Size(max = ProposalIds.MAX_LENGTH, message = ID_MESSAGE)
                              @Pattern(regexp = ProposalIds.PATTERN, message = ID_MESSAGE) String id,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) @Min(0) Long sequence) {
        if ((asOf == null) == (sequence == null)) {
            throw new InvalidParameter(asOf == null ? "asOf" : "sequence", "give exactly one of asOf and sequence");
        }
        GetProposalStateAt query = new GetProposalStateAt(id, Instants.endOf("asOf", asOf, properties.getZone()),
                sequence);
        ProposalView view;
        try {
            view = queries.query(new GenericMessage<>(query, metaData()), ResponseTypes.instanceOf(ProposalView.class))
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (view == null) {
            throw new NotFoundException("No such proposal at that point: " + id);
        }
        return view;
    }

    /**
     * The chain recomputed from the stored rows. Deleting a proposal's latest events leaves a
     * shorter chain that still holds; the read model, which saw them, betrays that.
     */
    @GetMapping("/proposals/{id}/verification")
    public ChainReport verification(@PathVariable @Size(max = ProposalIds.MAX_LENGTH, message = ID_MESSAGE)
                                    @Pattern(regexp = ProposalIds.PATTERN, message = ID_MESSAGE) String id) {
        ProposalView now = pointInTime.current(id);
        if (!Viewer.of(CurrentActor.get()).canSee(now)) {
            throw new NotFoundException("No such proposal: " + id);
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

    @PostMapping("/admin/verification")
    public ChainSummary verifyAll() {
        if (!CurrentActor.get().is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the office verifies the whole store.");
        }
        return verifier.verifyAll();
    }

    @GetMapping("/events")
    public FeedPage events(@RequestParam(required = false) @Size(max = 8192) String after,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(EventFeed.MAX_LIMIT) int limit,
                           @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,63}",
                                   message = "must be an event type name such as ProposalSubmitted") String type,
                           @RequestParam(required = false) @Size(max = ProposalIds.MAX_LENGTH, message = ID_MESSAGE)
                           @Pattern(regexp = ProposalIds.PATTERN, message = ID_MESSAGE) String sessionId) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw CommandRejectedException.forbidden("readers-only",
                    "Only the office, supervisors and readers read the event feed.");
        }
        return feed.read(after, limit, type, sessionId);
    }

    private static MetaData metaData() {
        return MetaData.from(CurrentActor.get().toMetaData()).and(Actor.CORRELATION_ID, CorrelationIdFilter.current());
    }


    @ExceptionHandler(UnsupportedOperationException.class)
    ProblemDetail unavailable(UnsupportedOperationException e) {
        return Problems.of(HttpStatus.NOT_IMPLEMENTED, e.getMessage(), "verification-unavailable");
    }
}
