package org.proposalledger.query.support;

import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.FollowUpReported;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalDesignatedKey;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalReassigned;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Proposal events with plausible defaults, so tests spell out only what they check. */
public final class Events {

    public static final String SESSION = "lvliang-2022";
    public static final LocalDate ASSIGNED_ON = LocalDate.of(2022, 3, 10);
    public static final LocalDate DUE_ON = LocalDate.of(2022, 6, 10);

    private Events() {
    }

    public static ProposalSubmitted submitted(String id, String session, Category category, String... proposers) {
        return new ProposalSubmitted(ProposalId.of(id), SessionId.of(session), "关于" + id + "的建议",
                Arrays.stream(proposers).map(DeputyId::of).toList(), true, category,
                "背景：" + id, List.of("一是……", "二是……"));
    }

    public static ProposalSubmitted submitted(String id) {
        return submitted(id, SESSION, Category.ECONOMY, "zhu-heping", "gao-li");
    }

    public static ProposalRegistered registered(String id, String number) {
        return registeredIn(SESSION, id, number);
    }

    public static ProposalRegistered registeredIn(String session, String id, String number) {
        return new ProposalRegistered(ProposalId.of(id), SessionId.of(session), number);
    }

    public static ProposalRejected rejected(String id) {
        return new ProposalRejected(ProposalId.of(id), "属于批评意见，转来信处理");
    }

    public static ProposalDesignatedKey designatedKey(String id) {
        return new ProposalDesignatedKey(ProposalId.of(id), "张副市长");
    }

    public static ProposalAssigned assigned(String id, String lead, String... coUnits) {
        return assignedIn(SESSION, id, lead, coUnits);
    }

    public static ProposalAssigned assignedIn(String session, String id, String lead, String... coUnits) {
        return new ProposalAssigned(ProposalId.of(id), SessionId.of(session), UnitId.of(lead),
                Arrays.stream(coUnits).map(UnitId::of).toList(), ASSIGNED_ON, DUE_ON);
    }

    public static AssignmentReturned returned(String id, String unit) {
        return new AssignmentReturned(ProposalId.of(id), UnitId.of(unit), "不属于本单位职责");
    }

    public static ProposalReassigned reassigned(String id, String lead, String... coUnits) {
        return new ProposalReassigned(ProposalId.of(id), SessionId.of(SESSION), UnitId.of(lead),
                Arrays.stream(coUnits).map(UnitId::of).toList(), ASSIGNED_ON.plusDays(5), DUE_ON.plusDays(5));
    }

    public static DeadlineExtended extended(String id, LocalDate from, LocalDate to) {
        return new DeadlineExtended(ProposalId.of(id), from, to, "人大代表工作委员会");
    }

    public static CoUnitOpinionGiven coOpinion(String id, String unit) {
        return new CoUnitOpinionGiven(ProposalId.of(id), UnitId.of(unit), "同意主办单位意见", ASSIGNED_ON.plusDays(20),
                false);
    }

    public static ConsultationHeld consulted(String id, String unit) {
        return new ConsultationHeld(ProposalId.of(id), UnitId.of(unit), ASSIGNED_ON.plusDays(30),
                ConsultationMode.IN_PERSON, List.of("朱和平", "商务局王科长"), "当面沟通办理思路", true);
    }

    public static ProposalReplied replied(String id, String unit, int round) {
        return new ProposalReplied(ProposalId.of(id), UnitId.of(unit), ReplyClass.B, "正在解决，年内完成",
                "李局长", ASSIGNED_ON.plusDays(60), DUE_ON, false, round);
    }

    public static ReplyOverdue overdue(String id, String unit) {
        return new ReplyOverdue(ProposalId.of(id), UnitId.of(unit), DUE_ON, 1);
    }

    public static ProposalRated rated(String id, String deputy, Rating rating, int round) {
        return new ProposalRated(ProposalId.of(id), DeputyId.of(deputy), rating, "意见", round);
    }

    public static RehandlingOrdered rehandling(String id, String unit, LocalDate dueOn, int round) {
        return new RehandlingOrdered(ProposalId.of(id), UnitId.of(unit), dueOn, "代表不满意", round);
    }

    public static FollowUpReported followUp(String id, String unit) {
        return new FollowUpReported(ProposalId.of(id), UnitId.of(unit), "项目已开工");
    }

    public static ProposalClosed closed(String id) {
        return new ProposalClosed(ProposalId.of(id), "满意，办结");
    }

    public static ProposalWithdrawn withdrawn(String id, String deputy) {
        return new ProposalWithdrawn(ProposalId.of(id), DeputyId.of(deputy), "已另行反映");
    }

    /** The view {@link ProposalFold} builds from {@code events}, all stamped {@code at}, sequences from 0. */
    public static org.proposalledger.api.query.ProposalView fold(java.time.Instant at,
                                                                 org.proposalledger.api.proposal.ProposalEvent... events) {
        ProposalFold fold = new ProposalFold();
        org.proposalledger.api.query.ProposalView view = null;
        for (int i = 0; i < events.length; i++) {
            view = fold.apply(view, events[i], new EventMeta(i, at, null, null));
        }
        return view;
    }
}
