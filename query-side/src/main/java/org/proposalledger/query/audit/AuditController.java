package org.proposalledger.query.audit;

import org.proposalledger.query.core.Instants;
import org.proposalledger.platform.web.InvalidParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainSummary;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.Queries;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.platform.web.Problems;
import org.proposalledger.api.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * The audit API: a proposal as it stood at an instant or sequence, the verification of its
 * hash chain, the whole-store verification (office), and the event feed (readers and above).
 */
@RestController
@RequestMapping("/api/v1")
public class AuditController {

    private final Queries queries;
    private final ChainVerifier verifier;
    private final LedgerProperties properties;

    public AuditController(Queries queries, ChainVerifier verifier, LedgerProperties properties) {
        this.queries = queries;
        this.verifier = verifier;
        this.properties = properties;
    }

    @GetMapping("/proposals/{id}/state")
    public ProposalView state(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) @Min(0) Long sequence) {
        if ((asOf == null) == (sequence == null)) {
            throw new InvalidParameter(asOf == null ? "asOf" : "sequence", "give exactly one of asOf and sequence");
        }
        GetProposalStateAt query = new GetProposalStateAt(id, Instants.endOf("asOf", asOf, properties.getZone()),
                sequence);
        ProposalView view = queries.ask(query, ProposalView.class);
        if (view == null) {
            throw new NotFoundException("No such proposal at that point: " + id);
        }
        return view;
    }

    @GetMapping("/proposals/{id}/verification")
    public ChainReport verification(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        ChainReport report = queries.ask(new AuditQueries.VerifyProposalChain(id), ChainReport.class);
        if (report == null) {
            throw new NotFoundException("No such proposal: " + id);
        }
        return report;
    }

    @PostMapping("/admin/verification")
    public ChainSummary verifyAll() {
        if (!CurrentActor.get().is(Role.OFFICE)) {
            throw new ReadRefusedException("office-only", "Only the office verifies the whole store.");
        }
        return verifier.verifyAll();
    }

    @GetMapping("/events")
    public FeedPage events(@RequestParam(required = false) @Size(max = 8192) String after,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(EventFeed.MAX_LIMIT) int limit,
                           @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,63}",
                                   message = "must be an event type name such as ProposalSubmitted") String type,
                           @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId) {
        return queries.ask(new AuditQueries.ReadEventFeed(after, limit, type, sessionId), FeedPage.class);
    }


    @ExceptionHandler(UnsupportedOperationException.class)
    ProblemDetail unavailable(UnsupportedOperationException e) {
        return Problems.of(HttpStatus.NOT_IMPLEMENTED, e.getMessage(), "verification-unavailable");
    }
}
