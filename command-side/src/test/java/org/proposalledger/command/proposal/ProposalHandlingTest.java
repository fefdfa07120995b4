package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.GiveCoUnitOpinion;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.ReplyClass;

import java.time.LocalDate;
import java.util.List;

import static org.proposalledger.api.error.Rejection.CONFLICT;
import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

/** What happens between assignment and reply: co-unit opinions and consultations with the deputy. */
class ProposalHandlingTest extends ProposalTestSupport {

    private static final String OPINION = "建议统筹教育配套设施改造。";
    private static final List<String> PARTICIPANTS = List.of("朱和平代表", "商务局李局长");

    private static RecordConsultation consultation(LocalDate heldOn) {
        return new RecordConsultation(ID, heldOn, ConsultationMode.IN_PERSON, PARTICIPANTS, "当面听取意见");
    }

    // ---- co-unit opinions ----------------------------------------------------------------------

    @Test
    void co_unit_gives_its_opinion_within_a_month() {
        fixture.given(assignedProposal())
                .when(new GiveCoUnitOpinion(ID, OPINION), CO_UNIT)
                .expectEvents(new CoUnitOpinionGiven(ID, EDUCATION, OPINION, TODAY, false));
    }

    @Test
    void co_unit_opinion_after_a_month_is_late() {
        LocalDate assignedOn = TODAY.minusMonths(1).minusDays(1);
        fixture.given(assignedProposal(assignedOn, assignedOn.plusMonths(3)))
                .when(new GiveCoUnitOpinion(ID, OPINION), CO_UNIT)
                .expectEvents(new CoUnitOpinionGiven(ID, EDUCATION, OPINION, TODAY, true));
    }

    @Test
    void co_unit_opinion_exactly_a_month_after_assignment_is_on_time() {
        LocalDate assignedOn = TODAY.minusMonths(1);
        fixture.given(assignedProposal(assignedOn, assignedOn.plusMonths(3)))
                .when(new GiveCoUnitOpinion(ID, OPINION), CO_UNIT)
                .expectEvents(new CoUnitOpinionGiven(ID, EDUCATION, OPINION, TODAY, false));
    }

    @Test
    void lead_unit_cannot_give_a_co_unit_opinion() {
        fixture.given(assignedProposal())
                .when(new GiveCoUnitOpinion(ID, OPINION), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "co-unit-only"));
    }

    @Test
    void unrelated_unit_cannot_give_a_co_unit_opinion() {
        fixture.given(assignedProposal())
                .when(new GiveCoUnitOpinion(ID, OPINION), OTHER_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "co-unit-only"));
    }

    @Test
    void deputy_cannot_give_a_co_unit_opinion() {
        fixture.given(assignedProposal())
                .when(new GiveCoUnitOpinion(ID, OPINION), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "co-unit-only"));
    }

    @Test
    void co_unit_gives_one_opinion_only() {
        fixture.given(assignedProposal())
                .andGiven(new CoUnitOpinionGiven(ID, EDUCATION, OPINION, TODAY, false))
                .when(new GiveCoUnitOpinion(ID, "补充意见"), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "opinion-already-given"));
    }

    @Test
    void co_unit_opinion_after_the_reply_is_refused() {
        fixture.given(repliedProposal(ReplyClass.A))
                .when(new GiveCoUnitOpinion(ID, OPINION), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "opinion-after-reply"));
    }

    @Test
    void co_unit_opinion_needs_text() {
        fixture.given(assignedProposal())
                .when(new GiveCoUnitOpinion(ID, ""), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "text-required"));
    }

    // ---- consultations -------------------------------------------------------------------------

    @Test
    void lead_unit_records_a_consultation_before_the_first_reply() {
        fixture.given(assignedProposal())
                .when(consultation(TODAY), LEAD_UNIT)
                .expectEvents(new ConsultationHeld(ID, COMMERCE, TODAY, ConsultationMode.IN_PERSON, PARTICIPANTS,
                        "当面听取意见", true));
    }

    @Test
    void lead_unit_records_a_consultation_after_the_reply() {
        fixture.given(repliedProposal(ReplyClass.B))
                .when(consultation(TODAY), LEAD_UNIT)
                .expectEvents(new ConsultationHeld(ID, COMMERCE, TODAY, ConsultationMode.IN_PERSON, PARTICIPANTS,
                        "当面听取意见", false));
    }

    @Test
    void consultations_may_repeat() {
        fixture.given(assignedProposal())
                .andGiven(new ConsultationHeld(ID, COMMERCE, ASSIGNED_ON, ConsultationMode.PHONE, List.of(), null, true))
                .when(consultation(TODAY), LEAD_UNIT)
                .expectEvents(new ConsultationHeld(ID, COMMERCE, TODAY, ConsultationMode.IN_PERSON, PARTICIPANTS,
                        "当面听取意见", true));
    }

    @Test
    void co_unit_cannot_record_a_consultation() {
        fixture.given(assignedProposal())
                .when(consultation(TODAY), CO_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "lead-unit-only"));
    }

    @Test
    void consultation_before_assignment_is_refused() {
        fixture.given(submitted(), registered())
                .when(consultation(TODAY), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "consultation-requires-assignment"));
    }

    @Test
    void consultation_cannot_be_in_the_future() {
        fixture.given(assignedProposal())
                .when(consultation(TODAY.plusDays(1)), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "held-on-in-future"));
    }

    @Test
    void consultation_cannot_predate_the_assignment() {
        fixture.given(assignedProposal())
                .when(consultation(ASSIGNED_ON.minusDays(1)), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "held-on-before-assignment"));
    }

    @Test
    void consultation_needs_a_mode() {
        fixture.given(assignedProposal())
                .when(new RecordConsultation(ID, TODAY, null, PARTICIPANTS, null), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(INVALID, "mode-required"));
    }
}
