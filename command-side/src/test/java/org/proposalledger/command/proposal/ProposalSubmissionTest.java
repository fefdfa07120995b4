package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;

import java.util.Arrays;
import java.util.List;

import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

class ProposalSubmissionTest extends ProposalTestSupport {

    private static SubmitProposal submit() {
        ProposalSubmitted e = submitted();
        return new SubmitProposal(ID, e.sessionId(), e.title(), e.proposerIds(), e.andOthers(), e.category(),
                e.background(), e.suggestions());
    }

    private static SubmitProposal submitWithProposers(DeputyId... proposers) {
        SubmitProposal s = submit();
        return new SubmitProposal(ID, s.sessionId(), s.title(), Arrays.asList(proposers), s.andOthers(), s.category(),
                s.background(), s.suggestions());
    }

    @Test
    void deputy_submits_a_proposal_they_propose() {
        fixture.givenNoPriorActivity()
                .when(submit(), PROPOSER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void co_proposer_may_submit_too() {
        fixture.givenNoPriorActivity()
                .when(submit(), CO_PROPOSER)
                .expectEvents(submitted());
    }

    @Test
    void office_submits_on_behalf_of_deputies() {
        fixture.givenNoPriorActivity()
                .when(submit(), OFFICE)
                .expectEvents(submitted());
    }

    @Test
    void deputy_cannot_submit_for_other_deputies() {
        fixture.givenNoPriorActivity()
                .when(submit(), OTHER_DEPUTY)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "submitter-not-proposer"));
    }

    @Test
    void unit_cannot_submit() {
        fixture.givenNoPriorActivity()
                .when(submit(), LEAD_UNIT)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "deputy-or-office-only"));
    }

    @Test
    void supervisor_cannot_submit() {
        fixture.givenNoPriorActivity()
                .when(submit(), SUPERVISOR)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "deputy-or-office-only"));
    }

    @Test
    void command_without_a_signed_in_user_is_refused() {
        fixture.givenNoPriorActivity()
                .when(submit())
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "unauthenticated"));
    }

    @Test
    void title_is_required() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, s.sessionId(), "  ", s.proposerIds(), false, s.category(),
                        s.background(), s.suggestions()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "title-required"));
    }

    @Test
    void at_least_one_proposer_is_required() {
        fixture.givenNoPriorActivity()
                .when(submitWithProposers(), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "proposers-required"));
    }

    @Test
    void proposers_must_be_distinct() {
        fixture.givenNoPriorActivity()
                .when(submitWithProposers(ZHU, GAO, ZHU), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "duplicate-proposers"));
    }

    @Test
    void category_is_required() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, s.sessionId(), s.title(), s.proposerIds(), false, null,
                        s.background(), s.suggestions()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "category-required"));
    }

    @Test
    void background_is_required() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, s.sessionId(), s.title(), s.proposerIds(), false, s.category(),
                        "", s.suggestions()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "background-required"));
    }

    @Test
    void at_least_one_suggestion_is_required() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, s.sessionId(), s.title(), s.proposerIds(), false, s.category(),
                        s.background(), List.of()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "suggestions-required"));
    }

    @Test
    void blank_suggestions_are_refused() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, s.sessionId(), s.title(), s.proposerIds(), false, s.category(),
                        s.background(), List.of("加大财政投入", " ")), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "blank-suggestion"));
    }

    @Test
    void session_is_required() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, null, s.title(), s.proposerIds(), false, s.category(),
                        s.background(), s.suggestions()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "session-required"));
    }

    @Test
    void session_must_exist() {
        SubmitProposal s = submit();
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, SessionId.of("no-such-session"), s.title(), s.proposerIds(), false,
                        Category.ECONOMY, s.background(), s.suggestions()), OFFICE)
                .expectNoEvents()
                .expectException(rejected(INVALID, "unknown-session"));
    }

    @Test
    void every_proposer_must_exist() {
        fixture.givenNoPriorActivity()
                .when(submitWithProposers(ZHU, DeputyId.of("nobody")), PROPOSER)
                .expectNoEvents()
                .expectException(rejected(INVALID, "unknown-deputy"));
    }
}
