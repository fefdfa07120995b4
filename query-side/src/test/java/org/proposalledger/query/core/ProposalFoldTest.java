package org.proposalledger.query.core;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.DeputyRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.ASSIGNED_ON;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.closed;
import static org.proposalledger.query.support.Events.coOpinion;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.designatedKey;
import static org.proposalledger.query.support.Events.extended;
import static org.proposalledger.query.support.Events.followUp;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.reassigned;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.rejected;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.returned;
import static org.proposalledger.query.support.Events.submitted;
import static org.proposalledger.query.support.Events.withdrawn;

class ProposalFoldTest {

    private static final String ID = "p-1";
    private static final Instant T0 = Instant.parse("2022-03-01T00:00:00.123Z");

    private final ProposalFold fold = new ProposalFold();

    private static EventMeta meta(long sequence) {
        return new EventMeta(sequence, T0.plusSeconds(sequence),
                new ProposalHistory.Who("office", "OFFICE", null, null), "c-" + sequence);
    }

    /** Applies the events as sequence 0, 1, 2, ... one second apart. */
    private ProposalView fold(ProposalEvent... events) {
        ProposalView view = null;
        for (int i = 0; i < events.length; i++) {
            view = fold.apply(view, events[i], meta(i));
        }
        return view;
    }

    private ProposalView next(ProposalView current, ProposalEvent event) {
        return fold.apply(current, event, meta(current.version() + 1));
    }

    @Test
    void submittedStartsTheView() {
        ProposalView v = fold(submitted(ID, "s-2022", Category.AGRICULTURE, "zhu-heping", "gao-li"));

        assertThat(v.id()).isEqualTo(ID);
        assertThat(v.sessionId()).isEqualTo("s-2022");
        assertThat(v.title()).isEqualTo("关于p-1的建议");
        assertThat(v.proposers()).containsExactly("zhu-heping", "gao-li");
        assertThat(v.andOthers()).isTrue();
        assertThat(v.category()).isEqualTo("AGRICULTURE");
        assertThat(v.background()).isEqualTo("背景：p-1");
        assertThat(v.suggestions()).hasSize(2);
        assertThat(v.status()).isEqualTo("SUBMITTED");
        assertThat(v.number()).isNull();
        assertThat(v.key()).isFalse();
        assertThat(v.leadUnitId()).isNull();
        assertThat(v.coUnitIds()).isEmpty();
        assertThat(v.dueOn()).isNull();
        assertThat(v.overdue()).isFalse();
        assertThat(v.replies()).isEmpty();
        assertThat(v.ratings()).isEmpty();
        assertThat(v.submittedAt()).isEqualTo(T0);
        assertThat(v.updatedAt()).isEqualTo(T0);
        assertThat(v.version()).isZero();
    }

    @Test
    void registeredNumbersIt() {
        ProposalView v = fold(submitted(ID), registered(ID, "12"));

        assertThat(v.status()).isEqualTo("REGISTERED");
        assertThat(v.number()).isEqualTo("12");
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.submittedAt()).isEqualTo(T0);
        assertThat(v.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void rejectedKeepsTheReason() {
        ProposalView v = fold(submitted(ID), rejected(ID));

        assertThat(v.status()).isEqualTo("REJECTED");
        assertThat(v.rejectionReason()).isEqualTo("属于批评意见，转来信处理");
    }

    @Test
    void designatedKeyNamesTheLeaderAndKeepsTheStatus() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), designatedKey(ID));

        assertThat(v.key()).isTrue();
        assertThat(v.supervisingLeader()).isEqualTo("张副市长");
        assertThat(v.status()).isEqualTo("REGISTERED");
    }

    @Test
    void assignedSetsUnitsAndDueDate() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce", "education", "finance"));

        assertThat(v.status()).isEqualTo("ASSIGNED");
        assertThat(v.leadUnitId()).isEqualTo("commerce");
        assertThat(v.coUnitIds()).containsExactly("education", "finance");
        assertThat(v.assignedOn()).isEqualTo(ASSIGNED_ON);
        assertThat(v.dueOn()).isEqualTo(DUE_ON);
        assertThat(v.sessionId()).isEqualTo(SESSION);
    }

    @Test
    void assignmentReturnedGoesBackToRegisteredWithNoUnits() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce", "education"),
                returned(ID, "commerce"));

        assertThat(v.status()).isEqualTo("REGISTERED");
        assertThat(v.leadUnitId()).isNull();
        assertThat(v.coUnitIds()).isEmpty();
        assertThat(v.assignedOn()).isNull();
        assertThat(v.dueOn()).isNull();
        assertThat(v.returns()).containsExactly(
                new ProposalView.Return("commerce", "不属于本单位职责", T0.plusSeconds(3)));
    }

    @Test
    void reassignedAssignsAnewAndKeepsTheReturn() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                returned(ID, "commerce"), reassigned(ID, "transport", "commerce"));

        assertThat(v.status()).isEqualTo("ASSIGNED");
        assertThat(v.leadUnitId()).isEqualTo("transport");
        assertThat(v.coUnitIds()).containsExactly("commerce");
        assertThat(v.assignedOn()).isEqualTo(ASSIGNED_ON.plusDays(5));
        assertThat(v.dueOn()).isEqualTo(DUE_ON.plusDays(5));
        assertThat(v.returns()).hasSize(1);
    }

    @Test
    void replyOverdueMarksOverdueAndAnExtensionClearsIt() {
        ProposalView overdueView = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                overdue(ID, "commerce"));
        assertThat(overdueView.overdue()).isTrue();
        assertThat(overdueView.status()).isEqualTo("ASSIGNED");

        LocalDate later = DUE_ON.plusMonths(2);
        ProposalView extendedView = next(overdueView, extended(ID, DUE_ON, later));
        assertThat(extendedView.overdue()).isFalse();
        assertThat(extendedView.dueOn()).isEqualTo(later);
        assertThat(extendedView.extensions()).containsExactly(
                new ProposalView.Extension(DUE_ON, later, "人大代表工作委员会", T0.plusSeconds(4)));
    }

    @Test
    void coUnitOpinionsAndConsultationsAreAppended() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce", "education"),
                coOpinion(ID, "education"), consulted(ID, "commerce"), consulted(ID, "commerce"));

        assertThat(v.coOpinions()).containsExactly(new ProposalView.CoOpinion("education", "同意主办单位意见",
                ASSIGNED_ON.plusDays(20), false));
        assertThat(v.consultations()).hasSize(2);
        ProposalView.Consultation c = v.consultations().get(0);
        assertThat(c.unitId()).isEqualTo("commerce");
        assertThat(c.heldOn()).isEqualTo(ASSIGNED_ON.plusDays(30));
        assertThat(c.mode()).isEqualTo("IN_PERSON");
        assertThat(c.participants()).containsExactly("朱和平", "商务局王科长");
        assertThat(c.beforeFirstReply()).isTrue();
        assertThat(v.status()).isEqualTo("ASSIGNED");
    }

    @Test
    void repliedAppendsTheReplyAndClearsOverdue() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                overdue(ID, "commerce"), replied(ID, "commerce", 1));

        assertThat(v.status()).isEqualTo("REPLIED");
        assertThat(v.overdue()).isFalse();
        assertThat(v.replies()).containsExactly(new ProposalView.Reply(1, "commerce", "B", "正在解决，年内完成",
                "李局长", ASSIGNED_ON.plusDays(60), DUE_ON, false));
    }

    @Test
    void ratedAppendsTheRatingAndKeepsTheStatus() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                replied(ID, "commerce", 1), rated(ID, "zhu-heping", Rating.BASICALLY_SATISFIED, 1));

        assertThat(v.status()).isEqualTo("REPLIED");
        assertThat(v.ratings()).containsExactly(new ProposalView.RatingEntry(1, "zhu-heping",
                "BASICALLY_SATISFIED", "意见", T0.plusSeconds(4)));
    }

    @Test
    void rehandlingReopensWithANewDueDateAndASecondRoundFollows() {
        LocalDate newDue = DUE_ON.plusMonths(1);
        ProposalView rehandling = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                replied(ID, "commerce", 1), rated(ID, "zhu-heping", Rating.UNSATISFIED, 1),
                rehandling(ID, "commerce", newDue, 2));

        assertThat(rehandling.status()).isEqualTo("REHANDLING");
        assertThat(rehandling.dueOn()).isEqualTo(newDue);
        assertThat(rehandling.leadUnitId()).isEqualTo("commerce");

        ProposalView overdueAgain = next(rehandling, overdue(ID, "commerce"));
        assertThat(overdueAgain.overdue()).isTrue();

        ProposalView secondReply = next(overdueAgain, replied(ID, "commerce", 2));
        assertThat(secondReply.status()).isEqualTo("REPLIED");
        assertThat(secondReply.overdue()).isFalse();
        assertThat(secondReply.replies()).extracting(ProposalView.Reply::round).containsExactly(1, 2);

        ProposalView satisfied = next(secondReply, rated(ID, "zhu-heping", Rating.SATISFIED, 2));
        assertThat(satisfied.ratings()).extracting(ProposalView.RatingEntry::rating)
                .containsExactly("UNSATISFIED", "SATISFIED");
    }

    @Test
    void followUpsAreAppended() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                replied(ID, "commerce", 1), followUp(ID, "commerce"));

        assertThat(v.followUps()).containsExactly(
                new ProposalView.FollowUp("commerce", "项目已开工", T0.plusSeconds(4)));
        assertThat(v.status()).isEqualTo("REPLIED");
    }

    @Test
    void closedRecordsTheDecision() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                replied(ID, "commerce", 1), rated(ID, "zhu-heping", Rating.SATISFIED, 1), closed(ID));

        assertThat(v.status()).isEqualTo("CLOSED");
        assertThat(v.closingDecision()).isEqualTo("满意，办结");
        assertThat(v.version()).isEqualTo(5);
        assertThat(v.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void withdrawnRecordsTheReason() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), withdrawn(ID, "zhu-heping"));

        assertThat(v.status()).isEqualTo("WITHDRAWN");
        assertThat(v.withdrawalReason()).isEqualTo("已另行反映");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ProposalView v = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"));

        assertThat(fold.apply(v, assigned(ID, "education"), meta(2))).isSameAs(v);
        assertThat(fold.apply(v, submitted(ID), meta(0))).isSameAs(v);
    }

    @Test
    void eventsOfOtherProposalsAndOtherPayloadsAreIgnored() {
        ProposalView v = fold(submitted(ID));

        assertThat(fold.apply(v, registered("p-2", "9"), meta(1))).isSameAs(v);
        assertThat(fold.apply(v, new DeputyRegistered(DeputyId.of("zhu-heping"), "朱和平", "离石区"), meta(1)))
                .isSameAs(v);
        assertThat(fold.apply(null, "not an event", meta(0))).isNull();
    }

    @Test
    void anEventWithoutItsSubmissionStillLandsOnASkeleton() {
        ProposalView v = fold.apply(null, assigned(ID, "commerce"), meta(2));

        assertThat(v.id()).isEqualTo(ID);
        assertThat(v.status()).isEqualTo("ASSIGNED");
        assertThat(v.leadUnitId()).isEqualTo("commerce");
        assertThat(v.submittedAt()).isNull();
        assertThat(v.version()).isEqualTo(2);
    }

    @Test
    void replayOfAStreamEqualsApplyingItStepByStep() {
        List<ProposalEvent> events = List.of(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                replied(ID, "commerce", 1), closed(ID));
        List<ProposalFold.Applied> stream = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stream.add(new ProposalFold.Applied(events.get(i), meta(i)));
        }

        assertThat(fold.replay(stream)).isEqualTo(fold(events.toArray(ProposalEvent[]::new)));
        assertThat(fold.replay(List.of())).isNull();
    }

    @Test
    void eventMetaReadsActorAndCorrelationFromMetaData() {
        EventMeta meta = EventMeta.of(3, T0, java.util.Map.of("user", "unit-commerce", "role", "UNIT",
                "unitId", "commerce", "correlationId", "c-9"));

        assertThat(meta.actor()).isEqualTo(new ProposalHistory.Who("unit-commerce", "UNIT", "commerce", null));
        assertThat(meta.correlationId()).isEqualTo("c-9");
        assertThat(EventMeta.of(3, T0, java.util.Map.of()).actor()).isNull();
    }
}
