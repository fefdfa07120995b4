package org.proposalledger.command.proposal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.CloseProposal;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.DesignateKeyProposal;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.GiveCoUnitOpinion;
import org.proposalledger.api.proposal.OrderRehandling;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReassignProposal;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.RejectProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReportFollowUp;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.proposal.WithdrawProposal;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.command.Rejections.rejected;

/** Supervisors and readers watch; no step of the lifecycle is theirs. */
class ProposalRolesTest extends ProposalTestSupport {

    static Stream<Arguments> everyStepByWatchers() {
        List<Object> steps = List.of(
                new RegisterProposal(ID, "第001号"),
                new RejectProposal(ID, "不予受理"),
                new DesignateKeyProposal(ID, "王副主任"),
                new AssignProposal(ID, COMMERCE, List.of(), null),
                new ReturnAssignment(ID, "不属于本单位职责"),
                new ReassignProposal(ID, HOUSING, List.of()),
                new ExtendDeadline(ID, DUE_ON.plusMonths(1), "市人大常委会办公厅"),
                new GiveCoUnitOpinion(ID, "意见"),
                new RecordConsultation(ID, TODAY, ConsultationMode.PHONE, List.of(), null),
                new ReplyToProposal(ID, ReplyClass.A, "已办结", "李局长"),
                new RecordReplyOverdue(ID),
                new RateReply(ID, Rating.SATISFIED, null),
                new OrderRehandling(ID, null, "重新办理"),
                new ReportFollowUp(ID, "进展"),
                new CloseProposal(ID, "办结"),
                new WithdrawProposal(ID, "撤回"));
        return Stream.of(SUPERVISOR, READER).flatMap(role -> steps.stream().map(step -> Arguments.of(
                role.get("role") + " " + step.getClass().getSimpleName(), role, step)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStepByWatchers")
    void watchers_may_take_no_step(String name, Map<String, Object> watcher, Object step) {
        fixture.given(repliedProposal(ReplyClass.B))
                .when(step, watcher)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN));
    }

    @Test
    void reader_cannot_submit() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal(ID, SESSION, "标题", List.of(ZHU), false,
                        Category.ECONOMY, "背景", List.of("建议")), READER)
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "deputy-or-office-only"));
    }

    @Test
    void a_step_without_a_signed_in_user_is_refused() {
        fixture.given(submitted())
                .when(new RegisterProposal(ID, "第001号"))
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "unauthenticated"));
    }
}
