package org.proposalledger.query.proposal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.proposalledger.api.Ids;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.query.FindProposal;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalPage;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.platform.web.InvalidParameter;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.platform.web.Queries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.query.core.Instants;

import java.net.URI;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;

/**
 * Read side of the proposal API. Every answer goes through the query bus as the signed-in
 * actor, so HTTP and bus callers are served by the same handlers and visibility rules.
 */
@RestController
@RequestMapping("/api/v1/proposals")
public class ProposalQueryController {

    static final int DEFAULT_LIMIT = 50;
    private final Queries queries;
    private final Supplier<ZoneId> zone;

    public ProposalQueryController(Queries queries, LedgerProperties properties) {
        this.queries = queries;
        this.zone = properties::getZone;
    }

    @GetMapping("/{id}")
    public ProposalView proposal(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        ProposalView view = queries.ask(new FindProposal(id), ProposalView.class);
        if (view == null) {
            throw new NotFoundException("No such proposal: " + id);
        }
        return view;
    }

    @GetMapping("/{id}/history")
    public ProposalHistory history(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        // from/to: ISO instants, or dates (from the start of `from` to the end of `to`, in ledger.zone)
        GetProposalHistory query = new GetProposalHistory(id, Instants.startOf("from", from, zone.get()),
                Instants.endOf("to", to, zone.get()));
        ProposalHistory history = queries.ask(query, ProposalHistory.class);
        if (history == null) {
            throw new NotFoundException("No such proposal: " + id);
        }
        return history;
    }

    @GetMapping
    public ProposalPage list(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String unitId,
            @RequestParam(required = false) ProposalStatus status,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String deputyId,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(ListProposals.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 512) String cursor,
            @RequestParam(required = false) @Size(min = 1, max = ListProposals.MAX_TEXT) String q,
            @RequestParam(required = false) String sort) {
        if (sort != null && !ListProposals.isSort(sort)) {
            throw new InvalidParameter("sort", "must be one of " + ListProposals.SORT_FIELDS
                    + ", optionally prefixed with '-' for descending");
        }
        if (cursor != null && !PageCursor.isValid(cursor, ProposalOrder.parse(sort))) {
            throw new InvalidParameter("cursor", "is malformed, or was made for another sort");
        }
        if (q != null && SearchTokens.query(q).isEmpty()) {
            throw new IllegalArgumentException("q must hold two Chinese characters or a word of letters or digits");
        }
        ListProposals query = new ListProposals(sessionId, unitId, status == null ? null : status.name(),
                category == null ? null : category.name(), deputyId, limit, cursor, q, sort);
        return queries.ask(query, ProposalPage.class);
    }
}
