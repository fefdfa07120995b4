package org.proposalledger.command.proposal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.RecordCoUnitOpinionOverdue;
import org.proposalledger.api.proposal.RemindReplyDue;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.proposal.CloseProposal;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.DesignateKeyProposal;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.FollowUpReported;
import org.proposalledger.api.proposal.GiveCoUnitOpinion;
import org.proposalledger.api.proposal.OrderRehandling;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalDesignatedKey;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalReassigned;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.Provenance;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReassignProposal;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.RejectProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReportFollowUp;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.proposal.WithdrawProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.command.deadline.DeadlineRuleBook;
import org.proposalledger.command.deadline.DeadlineRules;
import org.proposalledger.command.reference.ReferenceData;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.proposalledger.api.error.CommandRejectedException.conflict;
import static org.proposalledger.api.error.CommandRejectedException.forbidden;
import static org.proposalledger.api.error.CommandRejectedException.invalid;
import static org.proposalledger.api.proposal.ProposalStatus.ASSIGNED;
import static org.proposalledger.api.proposal.ProposalStatus.CLOSED;
import static org.proposalledger.api.proposal.ProposalStatus.REGISTERED;
import static org.proposalledger.api.proposal.ProposalStatus.REHANDLING;
import static org.proposalledger.api.proposal.ProposalStatus.REJECTED;
import static org.proposalledger.api.proposal.ProposalStatus.REPLIED;
import static org.proposalledger.api.proposal.ProposalStatus.SUBMITTED;
import static org.proposalledger.api.proposal.ProposalStatus.WITHDRAWN;

/**
 * One suggestion's life: submit → register (or reject) → assign → co-unit opinions and
 * consultations → reply → rate → re-handle or close; a proposer may withdraw before a reply, the
 * lead unit may return a wrong assignment within its window, the office may extend a due date, and
 * the deadline watcher records what is overdue or due soon. Each step's refusals are rule codes
 * (docs/errors.md); the tests in this package name them step by step.
 * <p>
 * Command handlers only decide: they check who is acting and whether the step fits the
 * current state, then apply an event. State changes only in the event sourcing handlers.
 * <p>
 * Checks run in a fixed order: the actor's role, a terminal status, the lifecycle state, the
 * actor's link to this proposal (lead unit, co-unit, proposer), and last the command's values.
 * <p>
 * What an import of a published report may record, and what an undated imported assignment rules
 * out, is in {@link ImportRules}; whether a suggestion was imported is its recorded
 * {@link Provenance}.
 */
public class Proposal {

    static final String REHANDLING_AFTER_UNSATISFIED = "不满意，重新办理";

    @AggregateIdentifier
    private ProposalId id;
    private SessionId sessionId;
    private List<DeputyId> proposers;
    private ProposalStatus status;
    private boolean key;
    private UnitId leadUnit;
    private List<UnitId> coUnits = List.of();
    private final Set<UnitId> coUnitsWithOpinion = new HashSet<>();
    /** Null when the assignment was imported from a report that states no date. */
    private LocalDate assignedOn;
    /** Null when the assignment was imported from a report that states no date. */
    private LocalDate dueOn;
    /** The current assignment came from an imported report, undated. */
    private boolean importedAssignment;
    private Provenance provenance;
    /** The unit that handed the assignment back, while the proposal awaits reassignment. */
    private UnitId returnedBy;
    /** Handling round: 1 from the first assignment, one more per re-handling. */
    private int round;
    /** Whether a ReplyOverdue was raised for the due date now in force. */
    private boolean overdue;
    /** Fixed at assignment by HandlingTermsSet; null while unassigned and for an undated (imported) assignment. */
    private LocalDate returnWindowEndsOn;
    private LocalDate coOpinionDueOn;
    private int reminderWorkingDays;
    /** The due date a ReplyDueSoon was raised for (one reminder per due date). */
    private LocalDate remindedFor;
    private final Set<UnitId> coUnitsOverdue = new HashSet<>();
    private ReplyClass latestReply;
    private Rating roundRating;

    protected Proposal() {
        // for event sourcing
    }

    // ---- submit -------------------------------------------------------------------------

    @CommandHandler
    public Proposal(SubmitProposal cmd, Actor actor, ReferenceData references) {
        if (!actor.is(Role.DEPUTY) && !actor.is(Role.OFFICE) && !ImportRules.isImport(actor)) {
            throw forbidden("deputy-or-office-only", "Only a deputy or the congress office may submit a suggestion.");
        }
        if (cmd.proposalId() == null) {
            throw invalid("proposal-id-required", "A suggestion needs an id.");
        }
        if (cmd.sessionId() == null) {
            throw invalid("session-required", "A suggestion belongs to a congress session.");
        }
        requireText(cmd.title(), "title-required", "A suggestion needs a title.");
        requireProposerList(cmd.proposerIds());
        if (actor.is(Role.DEPUTY) && cmd.proposerIds().stream().noneMatch(p -> actor.actsForDeputy(p.value()))) {
            throw forbidden("submitter-not-proposer", "A deputy may only submit a suggestion they propose themselves.");
        }
        if (cmd.category() == null) {
            throw invalid("category-required", "A suggestion needs a category.");
        }
        ImportRules.requireFiledCategory(cmd.category(), actor);
        ImportRules.requireBackground(cmd.background(), actor);
        requireSuggestions(cmd.suggestions());
        if (!references.sessionExists(cmd.sessionId())) {
            throw invalid("unknown-session", "There is no congress session '" + cmd.sessionId() + "'.");
        }
        for (DeputyId proposer : cmd.proposerIds()) {
            if (!references.deputyExists(proposer)) {
                throw invalid("unknown-deputy", "There is no deputy '" + proposer + "'.");
            }
        }
        apply(new ProposalSubmitted(cmd.proposalId(), cmd.sessionId(), cmd.title(), cmd.proposerIds(),
                cmd.andOthers(), cmd.category(), cmd.background(), cmd.suggestions(), ImportRules.provenanceOf(actor)));
    }

    // ---- register / reject / designate key ----------------------------------------------

    @CommandHandler
    void handle(RegisterProposal cmd, Actor actor) {
        requireOfficeOrImport(actor, "register a suggestion");
        requireOpen();
        requireUntriaged();
        ImportRules.requireImportedIfImport(actor, provenance);
        requireText(cmd.number(), "number-required", "Registration needs a number.");
        apply(new ProposalRegistered(id, sessionId, cmd.number()));
    }

    @CommandHandler
    void handle(RejectProposal cmd, Actor actor) {
        requireOffice(actor, "reject a suggestion");
        requireOpen();
        requireUntriaged();
        requireText(cmd.reason(), "reason-required", "A rejection needs a reason.");
        apply(new ProposalRejected(id, cmd.reason()));
    }

    @CommandHandler
    void handle(DesignateKeyProposal cmd, Actor actor) {
        requireOffice(actor, "designate key suggestions");
        requireOpen();
        if (status == SUBMITTED) {
            throw conflict("key-requires-registration", "Only a registered suggestion can be designated key.");
        }
        if (key) {
            throw conflict("already-key", "The suggestion is already a key suggestion.");
        }
        requireText(cmd.supervisingLeader(), "supervising-leader-required", "A key suggestion needs a supervising leader.");
        apply(new ProposalDesignatedKey(id, cmd.supervisingLeader()));
    }

    // ---- assign / return / reassign / extend --------------------------------------------

    @CommandHandler
    void handle(AssignProposal cmd, Actor actor, ReferenceData references, DeadlineRuleBook book, Clock clock) {
        requireOfficeOrImport(actor, "assign a suggestion");
        requireOpen();
        if (status == SUBMITTED) {
            throw conflict("assignment-requires-registration", "Only a registered suggestion can be assigned.");
        }
        if (returnedBy != null) {
            throw conflict("reassignment-required",
                    "The suggestion was returned by '" + returnedBy + "'; reassign it instead.");
        }
        if (status != REGISTERED) {
            throw conflict("already-assigned", "The suggestion is already assigned to '" + leadUnit + "'.");
        }
        ImportRules.requireImportedIfImport(actor, provenance);
        requireUnits(cmd.leadUnitId(), cmd.coUnitIds(), references);
        if (ImportRules.isImport(actor)) {
            ImportRules.requireUndated(cmd);
            apply(new ProposalAssigned(id, sessionId, cmd.leadUnitId(), cmd.coUnitIds(), null, null));
            return;
        }
        DeadlineRules rules = book.rulesFor(sessionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = cmd.dueOn() == null ? rules.replyDueOn(today) : cmd.dueOn();
        if (!due.isAfter(today)) {
            throw invalid("due-date-not-in-future", "The reply due date must be after today.");
        }
        if (due.isAfter(rules.latestAllowedDueOn(today))) {
            throw invalid("due-date-beyond-limit",
                    "The reply due date may be at most " + rules.latestAllowedDueOn(today) + ".");
        }
        apply(new ProposalAssigned(id, sessionId, cmd.leadUnitId(), cmd.coUnitIds(), today, due));
        applyTerms(rules, cmd.leadUnitId(), cmd.coUnitIds(), today, due);
    }

    @CommandHandler
    void handle(ReturnAssignment cmd, Actor actor, Clock clock) {
        requireUnitRole(actor, "return an assignment");
        requireOpen();
        if (status == REPLIED || status == REHANDLING) {
            throw conflict("return-after-reply", "A suggestion that has been replied to can no longer be returned.");
        }
        if (status != ASSIGNED) {
            throw conflict("return-requires-assignment", "The suggestion is not assigned to anyone.");
        }
        requireLeadUnit(actor, "return an assignment");
        ImportRules.requireAssignmentDate(assignedOn, "the return window");
        LocalDate lastDay = returnWindowEndsOn;
        if (LocalDate.now(clock).isAfter(lastDay)) {
            throw conflict("return-window-passed", "An assignment may be returned within its window of working days"
                    + " after assignment on " + assignedOn + "; the last day was " + lastDay + ".");
        }
        requireText(cmd.reason(), "reason-required", "Returning an assignment needs a reason.");
        apply(new AssignmentReturned(id, leadUnit, cmd.reason()));
    }

    @CommandHandler
    void handle(ReassignProposal cmd, Actor actor, ReferenceData references, DeadlineRuleBook book, Clock clock) {
        requireOffice(actor, "reassign a suggestion");
        requireOpen();
        if (returnedBy == null) {
            throw conflict("reassignment-requires-return", "Only a returned assignment can be reassigned.");
        }
        requireUnits(cmd.leadUnitId(), cmd.coUnitIds(), references);
        if (cmd.leadUnitId().equals(returnedBy)) {
            throw conflict("returning-unit-cannot-lead",
                    "'" + returnedBy + "' returned this assignment and cannot be its new lead unit.");
        }
        DeadlineRules rules = book.rulesFor(sessionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = rules.replyDueOn(today);
        apply(new ProposalReassigned(id, sessionId, cmd.leadUnitId(), cmd.coUnitIds(), today, due));
        applyTerms(rules, cmd.leadUnitId(), cmd.coUnitIds(), today, due);
    }

    @CommandHandler
    void handle(ExtendDeadline cmd, Actor actor, DeadlineRuleBook book) {
        requireOffice(actor, "extend a reply deadline");
        requireOpen();
        requireAwaitingReply("extension-requires-pending-reply", "Only a due date still awaiting a reply can be extended.");
        ImportRules.requireAssignmentDate(assignedOn, "the 6-month limit");
        requireText(cmd.approvedBy(), "approval-required", "An extension needs the name of who approved it.");
        if (cmd.newDueOn() == null) {
            throw invalid("new-due-date-required", "An extension needs the new due date.");
        }
        if (!cmd.newDueOn().isAfter(dueOn)) {
            throw conflict("extension-not-later", "The new due date must be after the current one, " + dueOn + ".");
        }
        DeadlineRules rules = book.rulesFor(sessionId);
        LocalDate limit = rules.latestAllowedDueOn(assignedOn);
        if (cmd.newDueOn().isAfter(limit)) {
            throw conflict("extension-beyond-limit", "A reply may be due at most " + rules.extensionLimitMonths()
                    + " months after assignment, that is by " + limit + ".");
        }
        apply(new DeadlineExtended(id, dueOn, cmd.newDueOn(), cmd.approvedBy()));
    }

    // ---- handling: co-unit opinion, consultation, reply, overdue ------------------------

    @CommandHandler
    void handle(GiveCoUnitOpinion cmd, Actor actor, Clock clock) {
        if (!actor.is(Role.UNIT)) {
            throw forbidden("co-unit-only", "Only a co-unit of this suggestion may give a co-unit opinion.");
        }
        requireOpen();
        if (status == REPLIED || status == REHANDLING) {
            throw conflict("opinion-after-reply", "Co-unit opinions are for the lead unit's first reply, which was given.");
        }
        if (status != ASSIGNED) {
            throw conflict("opinion-requires-assignment", "The suggestion is not assigned to anyone.");
        }
        UnitId unit = coUnits.stream().filter(u -> actor.actsForUnit(u.value())).findFirst()
                .orElseThrow(() -> forbidden("co-unit-only", "Only a co-unit of this suggestion may give a co-unit opinion."));
        if (coUnitsWithOpinion.contains(unit)) {
            throw conflict("opinion-already-given", "'" + unit + "' has already given its opinion.");
        }
        requireText(cmd.text(), "text-required", "An opinion needs text.");
        LocalDate today = LocalDate.now(clock);
        apply(new CoUnitOpinionGiven(id, unit, cmd.text(), today, coOpinionDueOn != null && today.isAfter(coOpinionDueOn)));
    }

    @CommandHandler
    void handle(RecordConsultation cmd, Actor actor, Clock clock) {
        requireUnitRole(actor, "record a consultation");
        requireOpen();
        if (status != ASSIGNED && status != REPLIED && status != REHANDLING) {
            throw conflict("consultation-requires-assignment", "The suggestion is not assigned to anyone.");
        }
        requireLeadUnit(actor, "record a consultation");
        if (cmd.mode() == null) {
            throw invalid("mode-required", "A consultation needs its mode.");
        }
        if (cmd.heldOn() == null) {
            throw invalid("held-on-required", "A consultation needs the date it was held.");
        }
        if (cmd.heldOn().isAfter(LocalDate.now(clock))) {
            throw invalid("held-on-in-future", "A consultation can only be recorded once it has been held.");
        }
        // an undated (imported) assignment has no date to be before
        if (assignedOn != null && cmd.heldOn().isBefore(assignedOn)) {
            throw invalid("held-on-before-assignment",
                    "The consultation date is before the assignment on " + assignedOn + ".");
        }
        if (cmd.participants().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw invalid("blank-participant", "Participants must be named.");
        }
        apply(new ConsultationHeld(id, leadUnit, cmd.heldOn(), cmd.mode(), cmd.participants(), cmd.notes(),
                latestReply == null));
    }

    @CommandHandler
    void handle(ReplyToProposal cmd, Actor actor, Clock clock) {
        boolean imported = ImportRules.isImport(actor);
        if (!imported) {
            requireUnitRole(actor, "reply");
        }
        requireOpen();
        if (status == REPLIED) {
            throw conflict("already-replied", "This round has been replied to; a new reply needs re-handling first.");
        }
        if (status != ASSIGNED && status != REHANDLING) {
            throw conflict("reply-requires-assignment", "The suggestion is not assigned to anyone.");
        }
        if (imported) {
            ImportRules.requireImportedAssignment(importedAssignment, status);
        } else {
            requireLeadUnit(actor, "reply");
        }
        ImportRules.requireReplyClass(cmd.classification(), actor);
        requireText(cmd.text(), "text-required", "A reply needs text.");
        requireText(cmd.signedBy(), "signer-required", "A reply needs a signer.");
        if (imported) {
            apply(new ProposalReplied(id, leadUnit, cmd.classification(), cmd.text(), cmd.signedBy(), null, null,
                    false, round));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        apply(new ProposalReplied(id, leadUnit, cmd.classification(), cmd.text(), cmd.signedBy(), today, dueOn,
                dueOn != null && today.isAfter(dueOn), round));
    }

    /** Sent by the deadline watcher, which may repeat itself: a second call is refused, not duplicated. */
    @CommandHandler
    void handle(RecordReplyOverdue cmd, Actor actor, Clock clock) {
        requireSystemOrOffice(actor, "record an overdue reply");
        requireOpen();
        requireAwaitingReply("not-overdue", "No reply is awaited, so none can be overdue.");
        if (overdue) {
            throw conflict("already-overdue", "The reply due on " + dueOn + " is already recorded as overdue.");
        }
        ImportRules.requireDueDate(dueOn, "not-overdue");
        if (!LocalDate.now(clock).isAfter(dueOn)) {
            throw conflict("not-overdue", "The reply is due on " + dueOn + ".");
        }
        apply(new ReplyOverdue(id, leadUnit, dueOn, round));
    }

    /** Sent by the deadline watcher, which may repeat itself: one reminder per due date. */
    @CommandHandler
    void handle(RemindReplyDue cmd, Actor actor, DeadlineRuleBook book, Clock clock) {
        requireSystemOrOffice(actor, "remind a unit of its reply");
        requireOpen();
        requireAwaitingReply("no-reply-awaited", "No reply is awaited, so there is nothing to remind of.");
        ImportRules.requireDueDate(dueOn, "not-due-soon");
        if (dueOn.equals(remindedFor)) {
            throw conflict("already-reminded", "The lead unit was already reminded of the reply due on " + dueOn + ".");
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(dueOn)) {
            throw conflict("reminder-too-late", "The reply due on " + dueOn + " is already late.");
        }
        LocalDate remindOn = DeadlineRules.remindOn(book.rulesFor(sessionId).calendar(), dueOn, reminderWorkingDays);
        if (reminderWorkingDays == 0 || today.isBefore(remindOn)) {
            throw conflict("not-due-soon", "The reminder for the reply due on " + dueOn + " is due on " + remindOn + ".");
        }
        apply(new ReplyDueSoon(id, leadUnit, dueOn, round));
    }

    /** Sent by the deadline watcher, which may repeat itself: a second call is refused, not duplicated. */
    @CommandHandler
    void handle(RecordCoUnitOpinionOverdue cmd, Actor actor, Clock clock) {
        requireSystemOrOffice(actor, "record an overdue co-unit opinion");
        requireOpen();
        if (status != ASSIGNED || cmd.unitId() == null || !coUnits.contains(cmd.unitId())
                || coUnitsWithOpinion.contains(cmd.unitId())) {
            throw conflict("opinion-not-owed", "No co-unit opinion is owed by '" + cmd.unitId() + "'.");
        }
        if (coUnitsOverdue.contains(cmd.unitId())) {
            throw conflict("already-overdue", "The opinion of '" + cmd.unitId() + "' is already recorded as overdue.");
        }
        ImportRules.requireOpinionDueDate(coOpinionDueOn);
        if (!LocalDate.now(clock).isAfter(coOpinionDueOn)) {
            throw conflict("not-overdue", "The opinion of '" + cmd.unitId() + "' is due on " + coOpinionDueOn + ".");
        }
        apply(new CoUnitOpinionOverdue(id, cmd.unitId(), coOpinionDueOn));
    }

    // ---- rating, re-handling, follow-up --------------------------------------------------

    @CommandHandler
    void handle(RateReply cmd, Actor actor, DeadlineRuleBook book, Clock clock) {
        DeputyId deputy = requireProposer(actor, "rate the reply");
        requireOpen();
        if (status != REPLIED) {
            throw conflict("rating-requires-reply", "There is no reply to rate.");
        }
        if (roundRating != null) {
            throw conflict("already-rated", "The reply of round " + round + " has already been rated.");
        }
        if (cmd.rating() == null) {
            throw invalid("rating-required", "A rating is satisfied, basically satisfied or unsatisfied.");
        }
        int ratedRound = round;
        apply(new ProposalRated(id, deputy, cmd.rating(), cmd.comment(), ratedRound));
        if (cmd.rating() == Rating.UNSATISFIED) {
            apply(new RehandlingOrdered(id, leadUnit, book.rulesFor(sessionId).rehandlingDueOn(LocalDate.now(clock)),
                    REHANDLING_AFTER_UNSATISFIED, ratedRound + 1));
        }
    }

    @CommandHandler
    void handle(OrderRehandling cmd, Actor actor, DeadlineRuleBook book, Clock clock) {
        requireOffice(actor, "order re-handling");
        requireOpen();
        if (status != REPLIED) {
            throw conflict("rehandling-requires-reply", "Only a replied suggestion can be sent back for re-handling.");
        }
        requireText(cmd.reason(), "reason-required", "Re-handling needs a reason.");
        LocalDate today = LocalDate.now(clock);
        LocalDate due = cmd.dueOn() == null ? book.rulesFor(sessionId).rehandlingDueOn(today) : cmd.dueOn();
        if (!due.isAfter(today)) {
            throw invalid("due-date-not-in-future", "The reply due date must be after today.");
        }
        apply(new RehandlingOrdered(id, leadUnit, due, cmd.reason(), round + 1));
    }

    @CommandHandler
    void handle(ReportFollowUp cmd, Actor actor) {
        requireUnitRole(actor, "report follow-up");
        requireOpen();
        if (latestReply == null) {
            throw conflict("follow-up-requires-reply", "There is no reply to follow up.");
        }
        requireLeadUnit(actor, "report follow-up");
        if (!latestReply.needsFollowUp()) {
            throw conflict("follow-up-not-needed", "Only B and C replies are followed up; the latest is " + latestReply + ".");
        }
        requireText(cmd.text(), "text-required", "A follow-up report needs text.");
        apply(new FollowUpReported(id, leadUnit, cmd.text()));
    }

    // ---- close / withdraw ----------------------------------------------------------------

    @CommandHandler
    void handle(CloseProposal cmd, Actor actor) {
        requireOffice(actor, "close a suggestion");
        requireOpen();
        boolean satisfied = status == REPLIED && roundRating != null && roundRating.isSatisfactory();
        boolean decided = cmd.decision() != null && !cmd.decision().isBlank();
        if (!satisfied && !decided) {
            throw conflict("decision-required",
                    "Without a satisfied or basically satisfied rating of the latest reply, closing needs a decision.");
        }
        apply(new ProposalClosed(id, decided ? cmd.decision() : null));
    }

    @CommandHandler
    void handle(WithdrawProposal cmd, Actor actor) {
        DeputyId deputy = requireProposer(actor, "withdraw the suggestion");
        requireOpen();
        if (status == REPLIED || status == REHANDLING) {
            throw conflict("withdrawal-after-reply", "A suggestion can only be withdrawn before it is replied to.");
        }
        requireText(cmd.reason(), "reason-required", "A withdrawal needs a reason.");
        apply(new ProposalWithdrawn(id, deputy, cmd.reason()));
    }

    // ---- guards ----------------------------------------------------------------------------

    private static void requireOfficeOrImport(Actor actor, String step) {
        if (!actor.is(Role.OFFICE) && !ImportRules.isImport(actor)) {
            throw forbidden("office-only", "Only the congress office may " + step + ".");
        }
    }

    private static void requireSystemOrOffice(Actor actor, String step) {
        if (!actor.is(Role.SYSTEM) && !actor.is(Role.OFFICE)) {
            throw forbidden("system-or-office-only", "Only the ledger or the congress office may " + step + ".");
        }
    }

    private void applyTerms(DeadlineRules rules, UnitId lead, List<UnitId> co, LocalDate on, LocalDate due) {
        apply(new HandlingTermsSet(id, sessionId, lead, due, rules.lastReturnDay(on), co, rules.coOpinionDueOn(on),
                rules.set().reminderWorkingDays()));
    }

    private static void requireOffice(Actor actor, String step) {
        if (!actor.is(Role.OFFICE)) {
            throw forbidden("office-only", "Only the congress office may " + step + ".");
        }
    }

    /** The first half of the lead-unit check, made before the state checks. */
    private static void requireUnitRole(Actor actor, String step) {
        if (!actor.is(Role.UNIT)) {
            throw forbidden("lead-unit-only", "Only the lead unit may " + step + ".");
        }
    }

    private void requireLeadUnit(Actor actor, String step) {
        if (leadUnit == null || !actor.actsForUnit(leadUnit.value())) {
            throw forbidden("lead-unit-only", "Only the lead unit may " + step + ".");
        }
    }

    private DeputyId requireProposer(Actor actor, String step) {
        return proposers.stream()
                .filter(p -> actor.actsForDeputy(p.value()))
                .findFirst()
                .orElseThrow(() -> forbidden("proposer-only", "Only a proposer of this suggestion may " + step + "."));
    }

    private void requireOpen() {
        if (status.isTerminal()) {
            String how = switch (status) {
                case REJECTED -> "was rejected";
                case WITHDRAWN -> "was withdrawn";
                default -> "is closed";
            };
            throw conflict("proposal-closed", "The suggestion " + how + "; it takes no further steps.");
        }
    }

    /** Registration and rejection are one decision, taken once, on a freshly submitted suggestion. */
    private void requireUntriaged() {
        if (status != SUBMITTED) {
            throw conflict("already-registered", "The suggestion has already been registered.");
        }
    }

    private void requireAwaitingReply(String rule, String message) {
        if (status != ASSIGNED && status != REHANDLING) {
            throw conflict(rule, message);
        }
    }

    private static void requireUnits(UnitId lead, List<UnitId> coUnitIds, ReferenceData references) {
        if (lead == null) {
            throw invalid("lead-unit-required", "An assignment needs a lead unit.");
        }
        if (coUnitIds.contains(lead)) {
            throw invalid("lead-unit-among-co-units", "The lead unit cannot also be a co-unit.");
        }
        if (new HashSet<>(coUnitIds).size() != coUnitIds.size()) {
            throw invalid("duplicate-co-units", "Each co-unit may be named once.");
        }
        if (!references.unitExists(lead)) {
            throw invalid("unknown-unit", "There is no handling unit '" + lead + "'.");
        }
        for (UnitId unit : coUnitIds) {
            if (!references.unitExists(unit)) {
                throw invalid("unknown-unit", "There is no handling unit '" + unit + "'.");
            }
        }
    }

    private static void requireProposerList(List<DeputyId> proposerIds) {
        if (proposerIds.isEmpty()) {
            throw invalid("proposers-required", "A suggestion needs at least one proposer.");
        }
        if (new HashSet<>(proposerIds).size() != proposerIds.size()) {
            throw invalid("duplicate-proposers", "Each proposer may be named once.");
        }
    }

    private static void requireSuggestions(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            throw invalid("suggestions-required", "A suggestion needs at least one numbered suggestion.");
        }
        if (suggestions.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw invalid("blank-suggestion", "Numbered suggestions must not be blank.");
        }
    }

    private static void requireText(String value, String rule, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(rule, message);
        }
    }

    // ---- state -----------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ProposalSubmitted event) {
        id = event.proposalId();
        sessionId = event.sessionId();
        proposers = event.proposerIds();
        provenance = event.provenance();
        status = SUBMITTED;
    }

    @EventSourcingHandler
    void on(ProposalRegistered event) {
        status = REGISTERED;
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(ProposalDesignatedKey event) {
        key = true;
    }

    @EventSourcingHandler
    void on(ProposalAssigned event) {
        startAssignment(event.leadUnitId(), event.coUnitIds(), event.assignedOn(), event.dueOn());
        round = 1;
    }

    @EventSourcingHandler
    void on(AssignmentReturned event) {
        returnedBy = event.unitId();
        status = REGISTERED;
        leadUnit = null;
        coUnits = List.of();
        coUnitsWithOpinion.clear();
        assignedOn = null;
        dueOn = null;
        overdue = false;
    }

    @EventSourcingHandler
    void on(ProposalReassigned event) {
        startAssignment(event.leadUnitId(), event.coUnitIds(), event.assignedOn(), event.dueOn());
        returnedBy = null;
    }

    @EventSourcingHandler
    void on(HandlingTermsSet event) {
        returnWindowEndsOn = event.returnWindowEndsOn();
        coOpinionDueOn = event.coUnitOpinionDueOn();
        reminderWorkingDays = event.reminderWorkingDays();
    }

    @EventSourcingHandler
    void on(ReplyDueSoon event) {
        remindedFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(CoUnitOpinionOverdue event) {
        coUnitsOverdue.add(event.unitId());
    }

    private void startAssignment(UnitId lead, List<UnitId> co, LocalDate on, LocalDate due) {
        returnWindowEndsOn = null;
        coOpinionDueOn = null;
        coUnitsOverdue.clear();
        status = ASSIGNED;
        leadUnit = lead;
        coUnits = co;
        coUnitsWithOpinion.clear();
        assignedOn = on;
        dueOn = due;
        importedAssignment = on == null;
        overdue = false;
    }

    /**
     * The overdue mark belongs to the due date it was raised for. Moving the date clears it; if
     * the new date has also passed, the watcher raises it again, now naming the new date.
     */
    @EventSourcingHandler
    void on(DeadlineExtended event) {
        dueOn = event.newDueOn();
        overdue = false;
    }

    @EventSourcingHandler
    void on(CoUnitOpinionGiven event) {
        coUnitsWithOpinion.add(event.unitId());
    }

    @EventSourcingHandler
    void on(ProposalReplied event) {
        status = REPLIED;
        latestReply = event.classification();
        roundRating = null;
        overdue = false;
    }

    @EventSourcingHandler
    void on(ReplyOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(ProposalRated event) {
        roundRating = event.rating();
    }

    @EventSourcingHandler
    void on(RehandlingOrdered event) {
        status = REHANDLING;
        round = event.round();
        dueOn = event.dueOn();
        roundRating = null;
        overdue = false;
    }

    @EventSourcingHandler
    void on(ProposalClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(ProposalWithdrawn event) {
        status = WITHDRAWN;
    }
}
