package org.proposalledger.query.core;

import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.FollowUpReported;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalDesignatedKey;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalReassigned;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.query.ProposalView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that says how a proposal's events add up to a {@link ProposalView}. Pure:
 * no Spring, no storage, no clock — the projection and point-in-time replay both call it.
 * <p>
 * Idempotent by sequence: an event whose sequence is not above the view's {@code version}
 * has been applied already and returns the view unchanged.
 */
public final class ProposalFold {

    /** Folds a whole stream, oldest first; null when the stream has no proposal events. */
    public ProposalView replay(Iterable<Applied> events) {
        ProposalView view = null;
        for (Applied e : events) {
            view = apply(view, e.payload(), e.meta());
        }
        return view;
    }

    /** One event and its metadata, as a replay source hands them over. */
    public record Applied(Object payload, EventMeta meta) {
    }

    /**
     * The view after {@code eventPayload}. Payloads that are not proposal events, or belong to
     * another proposal, leave {@code current} as it is.
     */
    public ProposalView apply(ProposalView current, Object eventPayload, EventMeta meta) {
        Objects.requireNonNull(meta, "meta");
        if (!(eventPayload instanceof ProposalEvent event)) {
            return current;
        }
        String id = event.proposalId().value();
        if (current != null && !id.equals(current.id())) {
            return current;
        }
        if (current != null && meta.sequence() <= current.version()) {
            return current; // re-delivered
        }
        // An event without a prior Submitted (should not happen) still lands on a skeleton, so
        // the document shows what is known instead of the projection stopping.
        Draft d = current == null ? Draft.skeleton(id) : new Draft(current);
        Instant at = meta.timestamp();

        if (event instanceof ProposalSubmitted e) {
            d.sessionId = value(e.sessionId());
            d.title = e.title();
            d.proposers = e.proposerIds().stream().map(p -> p.value()).toList();
            d.andOthers = e.andOthers();
            d.category = e.category() == null ? null : e.category().name();
            d.background = e.background();
            d.suggestions = e.suggestions();
            d.status = ProposalStatus.SUBMITTED;
            d.submittedAt = at;
        } else if (event instanceof ProposalRegistered e) {
            d.sessionId = e.sessionId() == null ? d.sessionId : e.sessionId().value();
            d.number = e.number();
            d.status = ProposalStatus.REGISTERED;
        } else if (event instanceof ProposalRejected e) {
            d.rejectionReason = e.reason();
            d.status = ProposalStatus.REJECTED;
        } else if (event instanceof ProposalDesignatedKey e) {
            d.key = true;
            d.supervisingLeader = e.supervisingLeader();
        } else if (event instanceof ProposalAssigned e) {
            d.assign(e.sessionId() == null ? null : e.sessionId().value(), e.leadUnitId().value(),
                    e.coUnitIds().stream().map(u -> u.value()).toList(), e.assignedOn(), e.dueOn());
        } else if (event instanceof ProposalReassigned e) {
            d.assign(e.sessionId() == null ? null : e.sessionId().value(), e.leadUnitId().value(),
                    e.coUnitIds().stream().map(u -> u.value()).toList(), e.assignedOn(), e.dueOn());
        } else if (event instanceof HandlingTermsSet e) {
            d.returnWindowEndsOn = e.returnWindowEndsOn();
            d.coOpinionDueOn = e.coUnitOpinionDueOn();
        } else if (event instanceof CoUnitOpinionOverdue e) {
            if (!d.coUnitsOverdue.contains(value(e.unitId()))) {
                d.coUnitsOverdue.add(value(e.unitId()));
            }
        } else if (event instanceof ReplyDueSoon e) {
            d.remindedFor = e.dueOn();
        } else if (event instanceof AssignmentReturned e) {
            d.returnWindowEndsOn = null;
            d.coOpinionDueOn = null;
            d.coUnitsOverdue.clear();
            // back to the office for a new assignment: nobody handles it, nothing is due
            d.returns.add(new ProposalView.Return(value(e.unitId()), e.reason(), at));
            d.status = ProposalStatus.REGISTERED;
            d.leadUnitId = null;
            d.coUnitIds = List.of();
            d.assignedOn = null;
            d.dueOn = null;
            d.overdue = false;
        } else if (event instanceof DeadlineExtended e) {
            d.extensions.add(new ProposalView.Extension(e.previousDueOn(), e.newDueOn(), e.approvedBy(), at));
            d.dueOn = e.newDueOn();
            d.overdue = false; // an approved extension is not overdue
        } else if (event instanceof CoUnitOpinionGiven e) {
            d.coOpinions.add(new ProposalView.CoOpinion(value(e.unitId()), e.text(), e.givenOn(), e.late()));
        } else if (event instanceof ConsultationHeld e) {
            d.consultations.add(new ProposalView.Consultation(value(e.unitId()), e.heldOn(), name(e.mode()),
                    e.participants(), e.notes(), e.beforeFirstReply()));
        } else if (event instanceof ProposalReplied e) {
            d.replies.add(new ProposalView.Reply(e.round(), value(e.unitId()), name(e.classification()), e.text(),
                    e.signedBy(), e.repliedOn(), e.dueOn(), e.late()));
            d.status = ProposalStatus.REPLIED;
            d.overdue = false;
        } else if (event instanceof ReplyOverdue) {
            d.overdue = true;
        } else if (event instanceof ProposalRated e) {
            d.ratings.add(new ProposalView.RatingEntry(e.round(), value(e.deputyId()), name(e.rating()),
                    e.comment(), at));
        } else if (event instanceof RehandlingOrdered e) {
            d.status = ProposalStatus.REHANDLING;
            d.dueOn = e.dueOn();
            d.overdue = false;
        } else if (event instanceof FollowUpReported e) {
            d.followUps.add(new ProposalView.FollowUp(value(e.unitId()), e.text(), at));
        } else if (event instanceof ProposalClosed e) {
            d.closingDecision = e.decision();
            d.status = ProposalStatus.CLOSED;
        } else if (event instanceof ProposalWithdrawn e) {
            d.withdrawalReason = e.reason();
            d.status = ProposalStatus.WITHDRAWN;
        }
        // any other (newer) proposal event type: only the bookkeeping below moves
        d.updatedAt = at;
        d.version = meta.sequence();
        return d.toView();
    }

    private static String value(Record id) {
        // the id value types (UnitId, DeputyId, ...) print as their bare value
        return id == null ? null : id.toString();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Mutable working copy, so each case above touches only the fields it changes. */
    private static final class Draft {
        String id;
        String sessionId;
        String number;
        String title;
        List<String> proposers;
        boolean andOthers;
        String category;
        String background;
        List<String> suggestions;
        ProposalStatus status;
        boolean key;
        String supervisingLeader;
        String leadUnitId;
        List<String> coUnitIds;
        LocalDate assignedOn;
        LocalDate dueOn;
        boolean overdue;
        final List<ProposalView.Extension> extensions;
        final List<ProposalView.Return> returns;
        final List<ProposalView.CoOpinion> coOpinions;
        final List<ProposalView.Consultation> consultations;
        final List<ProposalView.Reply> replies;
        final List<ProposalView.RatingEntry> ratings;
        final List<ProposalView.FollowUp> followUps;
        String rejectionReason;
        String withdrawalReason;
        String closingDecision;
        Instant submittedAt;
        Instant updatedAt;
        long version;
        LocalDate returnWindowEndsOn;
        LocalDate coOpinionDueOn;
        final List<String> coUnitsOverdue;
        LocalDate remindedFor;

        static Draft skeleton(String id) {
            return new Draft(new ProposalView(id, null, null, null, List.of(), false, null, null, List.of(),
                    null, false, null, null, List.of(), null, null, false, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, -1, null, null, List.of(), null));
        }

        Draft(ProposalView v) {
            id = v.id();
            sessionId = v.sessionId();
            number = v.number();
            title = v.title();
            proposers = copy(v.proposers());
            andOthers = v.andOthers();
            category = v.category();
            background = v.background();
            suggestions = copy(v.suggestions());
            status = v.status() == null ? null : ProposalStatus.valueOf(v.status());
            key = v.key();
            supervisingLeader = v.supervisingLeader();
            leadUnitId = v.leadUnitId();
            coUnitIds = copy(v.coUnitIds());
            assignedOn = v.assignedOn();
            dueOn = v.dueOn();
            overdue = v.overdue();
            extensions = new ArrayList<>(copy(v.extensions()));
            returns = new ArrayList<>(copy(v.returns()));
            coOpinions = new ArrayList<>(copy(v.coOpinions()));
            consultations = new ArrayList<>(copy(v.consultations()));
            replies = new ArrayList<>(copy(v.replies()));
            ratings = new ArrayList<>(copy(v.ratings()));
            followUps = new ArrayList<>(copy(v.followUps()));
            rejectionReason = v.rejectionReason();
            withdrawalReason = v.withdrawalReason();
            closingDecision = v.closingDecision();
            submittedAt = v.submittedAt();
            updatedAt = v.updatedAt();
            version = v.version();
            returnWindowEndsOn = v.returnWindowEndsOn();
            coOpinionDueOn = v.coOpinionDueOn();
            coUnitsOverdue = new ArrayList<>(copy(v.coUnitsOverdue()));
            remindedFor = v.remindedFor();
        }

        void assign(String session, String lead, List<String> coUnits, LocalDate on, LocalDate due) {
            if (session != null) {
                sessionId = session;
            }
            leadUnitId = lead;
            coUnitIds = coUnits;
            assignedOn = on;
            dueOn = due;
            overdue = false;
            status = ProposalStatus.ASSIGNED;
            returnWindowEndsOn = null;
            coOpinionDueOn = null;
            coUnitsOverdue.clear();
        }

        ProposalView toView() {
            return new ProposalView(id, sessionId, number, title, List.copyOf(proposers), andOthers, category,
                    background, List.copyOf(suggestions), status == null ? null : status.name(), key,
                    supervisingLeader, leadUnitId, List.copyOf(coUnitIds), assignedOn, dueOn, overdue,
                    List.copyOf(extensions), List.copyOf(returns), List.copyOf(coOpinions),
                    List.copyOf(consultations), List.copyOf(replies), List.copyOf(ratings), List.copyOf(followUps),
                    rejectionReason, withdrawalReason, closingDecision, submittedAt, updatedAt, version,
                    returnWindowEndsOn, coOpinionDueOn, List.copyOf(coUnitsOverdue), remindedFor);
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
