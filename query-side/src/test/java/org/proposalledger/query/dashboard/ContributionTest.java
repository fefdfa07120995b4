package org.proposalledger.query.dashboard;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.ASSIGNED_ON;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.extended;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.rejected;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.returned;
import static org.proposalledger.query.support.Events.submitted;
import static org.proposalledger.query.support.Events.withdrawn;

class ContributionTest {

    private static final String ID = "p-1";
    private final ProposalFold fold = new ProposalFold();

    private ProposalView fold(ProposalEvent... events) {
        ProposalView view = null;
        for (int i = 0; i < events.length; i++) {
            view = fold.apply(view, events[i], new EventMeta(i, Instant.EPOCH.plusSeconds(i), null, null));
        }
        return view;
    }

    private static ProposalReplied reply(ReplyClass cls, int afterDays, boolean late, int round) {
        return new ProposalReplied(ProposalId.of(ID), UnitId.of("commerce"), cls, "答复", "局长",
                ASSIGNED_ON.plusDays(afterDays), DUE_ON, late, round);
    }

    @Test
    void submittedRegisteredRejectedWithdrawnOrReturnedAreOutsideTheBase() {
        assertThat(Contribution.of(fold(submitted(ID)))).isEmpty();
        assertThat(Contribution.of(fold(submitted(ID), registered(ID, "1")))).isEmpty();
        assertThat(Contribution.of(fold(submitted(ID), rejected(ID)))).isEmpty();
        assertThat(Contribution.of(fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                withdrawn(ID, "zhu-heping")))).isEmpty();
        assertThat(Contribution.of(fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                returned(ID, "commerce")))).isEmpty();
    }

    @Test
    void anAssignedProposalCountsInItsSessionLeadUnitCategoryAndEachProposer() {
        Map<String, ScopeCounts> c = Contribution.of(fold(submitted(ID), registered(ID, "1"),
                assigned(ID, "commerce", "education")));
        assertThat(c.keySet()).containsExactly("s|" + SESSION, "u|" + SESSION + "|commerce",
                "c|" + SESSION + "|ECONOMY", "d|" + SESSION + "|zhu-heping", "d|" + SESSION + "|gao-li");
        ScopeCounts one = c.get("s|" + SESSION);
        assertThat(one.assigned()).isEqualTo(1);
        assertThat(one.replied()).isZero();
        assertThat(one.rated()).isZero();
        assertThat(one.daysToReply()).isEmpty();
    }

    @Test
    void aRepliedRatedProposalCountsEveryFact() {
        ScopeCounts c = Contribution.counts(fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                consulted(ID, "commerce"), reply(ReplyClass.A, 45, false, 1),
                rated(ID, "zhu-heping", Rating.BASICALLY_SATISFIED, 1)));
        assertThat(c).isEqualTo(new ScopeCounts(1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, Map.of(45, 1L)));
    }

    /** As the import records a published report: assignment and reply without dates, class 未注明. */
    private ProposalView imported(ProposalEvent... more) {
        List<ProposalEvent> events = new java.util.ArrayList<>(List.of(submitted(ID), registered(ID, "未注明"),
                new org.proposalledger.api.proposal.ProposalAssigned(ProposalId.of(ID),
                        org.proposalledger.api.reference.SessionId.of(SESSION), UnitId.of("commerce"), List.of(), null, null),
                new ProposalReplied(ProposalId.of(ID), UnitId.of("commerce"), ReplyClass.NOT_STATED, "已办理", "市商务局",
                        null, null, false, 1)));
        events.addAll(List.of(more));
        return fold(events.toArray(ProposalEvent[]::new));
    }

    @Test
    void anImportedProposalIsAssignedAndRepliedButOutsideTheOnTimeAndConsultationBases() {
        ScopeCounts c = Contribution.counts(imported());
        assertThat(c.assigned()).isEqualTo(1);
        assertThat(c.undatedAssigned()).isEqualTo(1);
        assertThat(c.datedAssigned()).isZero();
        assertThat(c.replied()).isEqualTo(1);
        // its reply is stored as "not late", which says nothing: it is not on time either
        assertThat(c.repliedOnTime()).isZero();
        assertThat(c.consultedBeforeFirstReply()).isZero();
        assertThat(c.overdue()).isZero();
        assertThat(c.daysToReply()).isEmpty();
        assertThat(c.classA() + c.classB() + c.classC() + c.classD()).isZero();
        assertThat(Contribution.of(imported())).containsKeys("s|" + SESSION, "u|" + SESSION + "|commerce");
    }

    @Test
    void aRatingOfAnImportedReplyCountsInTheSatisfactionBase() {
        ScopeCounts c = Contribution.counts(imported(rated(ID, "zhu-heping", Rating.SATISFIED, 1)));
        assertThat(c.rated()).isEqualTo(1);
        assertThat(c.satisfied()).isEqualTo(1);
        assertThat(c.datedAssigned()).isZero();
    }

    @Test
    void aDatedAssignmentIsNotUndated() {
        ScopeCounts c = Contribution.counts(fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce")));
        assertThat(c.undatedAssigned()).isZero();
        assertThat(c.datedAssigned()).isEqualTo(1);
    }

    @Test
    void lateReplyAndConsultationAfterTheReplyDoNotCount() {
        ConsultationHeld after = new ConsultationHeld(ProposalId.of(ID), UnitId.of("commerce"), DUE_ON.plusDays(3),
                ConsultationMode.PHONE, List.of("朱和平"), "回访", false);
        ScopeCounts c = Contribution.counts(fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                overdue(ID, "commerce"), reply(ReplyClass.D, 100, true, 1), after));
        assertThat(c.replied()).isEqualTo(1);
        assertThat(c.repliedOnTime()).isZero();
        assertThat(c.consultedBeforeFirstReply()).isZero();
        assertThat(c.overdue()).isZero(); // the reply ended the overdue state
        assertThat(c.classD()).isEqualTo(1);
    }

    @Test
    void overdueNowUntilRepliedOrExtended() {
        ProposalView overdueNow = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                overdue(ID, "commerce"));
        assertThat(Contribution.counts(overdueNow).overdue()).isEqualTo(1);
        ProposalView extendedView = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                overdue(ID, "commerce"), extended(ID, DUE_ON, DUE_ON.plusMonths(1)));
        assertThat(Contribution.counts(extendedView).overdue()).isZero();
    }

    @Test
    void aReHandledProposalCountsOnceWithItsFirstReplyTimingAndLatestRatingAndClass() {
        ProposalView whileRehandling = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                reply(ReplyClass.C, 30, false, 1), rated(ID, "zhu-heping", Rating.UNSATISFIED, 1),
                rehandling(ID, "commerce", DUE_ON.plusMonths(1), 2));
        assertThat(Contribution.counts(whileRehandling))
                .isEqualTo(new ScopeCounts(1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, Map.of(30, 1L)));

        ProposalView afterSecondRound = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"),
                reply(ReplyClass.C, 30, false, 1), rated(ID, "zhu-heping", Rating.UNSATISFIED, 1),
                rehandling(ID, "commerce", DUE_ON.plusMonths(1), 2), reply(ReplyClass.A, 120, false, 2),
                rated(ID, "zhu-heping", Rating.SATISFIED, 2));
        assertThat(Contribution.counts(afterSecondRound))
                .isEqualTo(new ScopeCounts(1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, Map.of(30, 1L)));
    }

    @Test
    void theDeltaMovesAProposalBetweenUnitsAndChangesOnlyWhatChanged() {
        ProposalView first = fold(submitted(ID), registered(ID, "1"), assigned(ID, "commerce"));
        ProposalView returnedView = fold.apply(first, returned(ID, "commerce"),
                new EventMeta(3, Instant.EPOCH, null, null));
        Map<String, ScopeCounts> d = Contribution.delta(first, returnedView);
        assertThat(d.get("u|" + SESSION + "|commerce").assigned()).isEqualTo(-1);
        assertThat(d.get("s|" + SESSION).assigned()).isEqualTo(-1);

        ProposalView submittedOnly = fold(submitted(ID));
        assertThat(Contribution.delta(submittedOnly, fold(submitted(ID), registered(ID, "1")))).isEmpty();
        Map<String, ScopeCounts> added = Contribution.delta(null, first);
        assertThat(added).hasSize(5);
    }

    @Test
    void aCategoryLessProposalStillCountsElsewhere() {
        ProposalView v = fold(org.proposalledger.query.support.Events.submitted(ID, SESSION, null, "zhu-heping"),
                registered(ID, "1"), assigned(ID, "commerce"));
        assertThat(Contribution.of(v).keySet()).doesNotContain("c|" + SESSION + "|null").hasSize(3);
        assertThat(Category.values()).isNotEmpty();
    }
}
