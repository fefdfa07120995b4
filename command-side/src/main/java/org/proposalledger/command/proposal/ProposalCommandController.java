package org.proposalledger.command.proposal;

import jakarta.validation.Valid;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.CloseProposal;
import org.proposalledger.api.proposal.DesignateKeyProposal;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.GiveCoUnitOpinion;
import org.proposalledger.api.proposal.OrderRehandling;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.ReassignProposal;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.RejectProposal;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReportFollowUp;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.proposal.WithdrawProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.command.web.IdResponse;
import org.proposalledger.command.web.PathIds;
import org.proposalledger.platform.web.Commands;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The proposal lifecycle over HTTP: one POST per step, each sent as the signed-in user. No role
 * checks here; the aggregate decides and its refusals come back as problem details. Each step
 * declares that it answers JSON, so an {@code Accept} that rules JSON out is refused (406) before
 * the command is sent, not after it is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProposalCommandController {

    private static final String BASE = "/api/v1/proposals/";

    private final Commands commands;
    private final ProposalIds ids;

    public ProposalCommandController(Commands commands, ProposalIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @PostMapping
    public ResponseEntity<IdResponse> submit(@Valid @RequestBody ProposalRequests.Submit body) {
        ProposalId id = ids.next();
        commands.send(new SubmitProposal(id, SessionId.of(body.sessionId()), body.title(),
                body.proposerIds().stream().map(DeputyId::of).toList(), body.andOthers(), body.category(),
                body.background(), body.suggestions()));
        return ResponseEntity.created(URI.create(BASE + id)).body(new IdResponse(id.value()));
    }

    @PostMapping("/{id}/registration")
    public ResponseEntity<IdResponse> register(@PathVariable String id,
                                               @Valid @RequestBody ProposalRequests.Register body) {
        return step(id, p -> new RegisterProposal(p, body.number()));
    }

    @PostMapping("/{id}/rejection")
    public ResponseEntity<IdResponse> reject(@PathVariable String id, @Valid @RequestBody ProposalRequests.Reason body) {
        return step(id, p -> new RejectProposal(p, body.reason()));
    }

    @PostMapping("/{id}/key-designation")
    public ResponseEntity<IdResponse> designateKey(@PathVariable String id,
                                                   @Valid @RequestBody ProposalRequests.DesignateKey body) {
        return step(id, p -> new DesignateKeyProposal(p, body.supervisingLeader()));
    }

    @PostMapping("/{id}/assignment")
    public ResponseEntity<IdResponse> assign(@PathVariable String id, @Valid @RequestBody ProposalRequests.Assign body) {
        return step(id, p -> new AssignProposal(p, UnitId.of(body.leadUnitId()), units(body.coUnitIds()), body.dueOn()));
    }

    @PostMapping("/{id}/assignment-return")
    public ResponseEntity<IdResponse> returnAssignment(@PathVariable String id,
                                                       @Valid @RequestBody ProposalRequests.Reason body) {
        return step(id, p -> new ReturnAssignment(p, body.reason()));
    }

    @PostMapping("/{id}/reassignment")
    public ResponseEntity<IdResponse> reassign(@PathVariable String id,
                                               @Valid @RequestBody ProposalRequests.Reassign body) {
        return step(id, p -> new ReassignProposal(p, UnitId.of(body.leadUnitId()), units(body.coUnitIds())));
    }

    @PostMapping("/{id}/deadline-extension")
    public ResponseEntity<IdResponse> extendDeadline(@PathVariable String id,
                                                     @Valid @RequestBody ProposalRequests.ExtendDeadline body) {
        return step(id, p -> new ExtendDeadline(p, body.newDueOn(), body.approvedBy()));
    }

    @PostMapping("/{id}/co-opinions")
    public ResponseEntity<IdResponse> coOpinion(@PathVariable String id, @Valid @RequestBody ProposalRequests.Text body) {
        return step(id, p -> new GiveCoUnitOpinion(p, body.text()));
    }

    @PostMapping("/{id}/consultations")
    public ResponseEntity<IdResponse> consultation(@PathVariable String id,
                                                   @Valid @RequestBody ProposalRequests.Consultation body) {
        return step(id, p -> new RecordConsultation(p, body.heldOn(), body.mode(), body.participants(), body.notes()));
    }

    @PostMapping("/{id}/replies")
    public ResponseEntity<IdResponse> reply(@PathVariable String id, @Valid @RequestBody ProposalRequests.Reply body) {
        return step(id, p -> new ReplyToProposal(p, body.classification(), body.text(), body.signedBy()));
    }

    @PostMapping("/{id}/ratings")
    public ResponseEntity<IdResponse> rate(@PathVariable String id, @Valid @RequestBody ProposalRequests.Rate body) {
        return step(id, p -> new RateReply(p, body.rating(), body.comment()));
    }

    @PostMapping("/{id}/rehandling")
    public ResponseEntity<IdResponse> orderRehandling(@PathVariable String id,
                                                      @Valid @RequestBody ProposalRequests.Rehandle body) {
        return step(id, p -> new OrderRehandling(p, body.dueOn(), body.reason()));
    }

    @PostMapping("/{id}/follow-ups")
    public ResponseEntity<IdResponse> followUp(@PathVariable String id, @Valid @RequestBody ProposalRequests.Text body) {
        return step(id, p -> new ReportFollowUp(p, body.text()));
    }

    /** The body is optional: closing after a satisfactory rating needs no decision text. */
    @PostMapping("/{id}/closure")
    public ResponseEntity<IdResponse> close(@PathVariable String id,
                                            @Valid @RequestBody(required = false) ProposalRequests.Close body) {
        return step(id, p -> new CloseProposal(p, body == null ? null : body.decision()));
    }

    @PostMapping("/{id}/withdrawal")
    public ResponseEntity<IdResponse> withdraw(@PathVariable String id, @Valid @RequestBody ProposalRequests.Reason body) {
        return step(id, p -> new WithdrawProposal(p, body.reason()));
    }

    private ResponseEntity<IdResponse> step(String id, Function<ProposalId, Object> command) {
        ProposalId proposalId = ProposalId.of(PathIds.check(id));
        commands.send(command.apply(proposalId));
        return ResponseEntity.accepted().body(new IdResponse(proposalId.value()));
    }

    private static List<UnitId> units(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(UnitId::of).toList();
    }
}
