package org.proposalledger.query.supervision;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.ASSIGNED_ON;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.coOpinion;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.designatedKey;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;

/** The fold's deadline fields and what a view contributes to the supervision documents. */
class SupervisionTest {

    static final String ID = "p-1";
    static final LocalDate RETURN_BY = ASSIGNED_ON.plusDays(9);
    static final LocalDate CO_DUE = ASSIGNED_ON.plusMonths(1);

    final ProposalFold fold = new ProposalFold();

    ProposalView fold(ProposalEvent... events) {
        ProposalView view = null;
        for (int i = 0; i < events.length; i++) {
            view = fold.apply(view, events[i], new EventMeta(i, Instant.parse("2022-03-01T00:00:00Z").plusSeconds(i),
                    new ProposalHistory.Who("system", "SYSTEM", null, null), null));
        }
        return view;
    }

    static HandlingTermsSet terms() {
        return new HandlingTermsSet(ProposalId.of(ID), SessionId.of(SESSION), UnitId.of("commerce"), DUE_ON, RETURN_BY,
                List.of(UnitId.of("education")), CO_DUE, 5);
    }

    @Test
    void an_assignment_gives_the_lead_unit_return_consult_reply_and_the_co_unit_its_opinion() {
        ProposalView v = fold(submitted(ID), registered(ID, "第1号"), assigned(ID, "commerce", "education"), terms());
        assertThat(v.returnWindowEndsOn()).isEqualTo(RETURN_BY);
        assertThat(v.coOpinionDueOn()).isEqualTo(CO_DUE);
        Map<String, List<Supervision.TodoItem>> todo = Supervision.todo(v);
        assertThat(todo.get("commerce")).extracting(Supervision.TodoItem::kind)
                .containsExactly(Supervision.Kind.ASSIGN_RETURN, Supervision.Kind.CONSULT, Supervision.Kind.REPLY);
        assertThat(todo.get("education")).extracting(Supervision.TodoItem::dueOn).containsExactly(CO_DUE);
        assertThat(Supervision.overdue(v)).isEmpty();
    }

    @Test
    void consultation_opinion_and_reply_remove_work_and_overdue_entries_follow_the_events() {
        ProposalView v = fold(submitted(ID), registered(ID, "第1号"), assigned(ID, "commerce", "education"), terms(),
                new ReplyDueSoon(ProposalId.of(ID), UnitId.of("commerce"), DUE_ON, 1),
                new CoUnitOpinionOverdue(ProposalId.of(ID), UnitId.of("education"), CO_DUE),
                overdue(ID, "commerce"), consulted(ID, "commerce"));
        assertThat(v.remindedFor()).isEqualTo(DUE_ON);
        assertThat(Supervision.todo(v).get("commerce")).extracting(Supervision.TodoItem::kind)
                .containsExactly(Supervision.Kind.ASSIGN_RETURN, Supervision.Kind.REPLY);
        assertThat(Supervision.todo(v).get("commerce").get(1).dueSoon()).isTrue();
        assertThat(Supervision.overdue(v)).extracting(Supervision.OverdueItem::unitId, Supervision.OverdueItem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commerce", Supervision.Kind.REPLY),
                        org.assertj.core.groups.Tuple.tuple("education", Supervision.Kind.CO_OPINION));

        ProposalView opinion = fold.apply(v, coOpinion(ID, "education"), new EventMeta(20, Instant.now(), null, null));
        assertThat(Supervision.todo(opinion)).doesNotContainKey("education");
        ProposalView answered = fold.apply(opinion, replied(ID, "commerce", 1), new EventMeta(21, Instant.now(), null, null));
        assertThat(Supervision.todo(answered)).isEmpty();
        assertThat(Supervision.overdue(answered)).isEmpty();
    }

    @Test
    void rehandling_is_work_for_the_lead_unit_and_key_entries_carry_the_leader() {
        ProposalView v = fold(submitted(ID), registered(ID, "第1号"), designatedKey(ID), assigned(ID, "commerce"), terms(),
                replied(ID, "commerce", 1), rehandling(ID, "commerce", DUE_ON.plusMonths(1), 2));
        assertThat(Supervision.todo(v).get("commerce")).extracting(Supervision.TodoItem::kind)
                .containsExactly(Supervision.Kind.REHANDLE);
        Supervision.KeyEntry key = Supervision.key(v);
        assertThat(key.supervisingLeader()).isNotBlank();
        assertThat(key.status()).isEqualTo("REHANDLING");
        assertThat(key.dueOn()).isEqualTo(DUE_ON.plusMonths(1));
    }
}
