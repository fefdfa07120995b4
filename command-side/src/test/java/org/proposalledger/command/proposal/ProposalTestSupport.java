package org.proposalledger.command.proposal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.command.deadline.DeadlineRuleBook;
import org.proposalledger.command.deadline.DeadlineRules;
import org.proposalledger.command.reference.InMemoryReferenceData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A fixture with a fixed "today" (Monday 2024-03-11 in Shanghai), known reference data, the
 * usual actors, and the events that bring a proposal to each stage of its life.
 */
abstract class ProposalTestSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2024, 3, 11);
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant(), ZONE);

    static final ProposalId ID = ProposalId.of("0190a1b2-0000-7000-8000-000000000001");
    static final SessionId SESSION = SessionId.of("lvliang-5-2");
    static final DeputyId ZHU = DeputyId.of("zhu-heping");
    static final DeputyId GAO = DeputyId.of("gao-yonghong");
    static final UnitId COMMERCE = UnitId.of("commerce");
    static final UnitId EDUCATION = UnitId.of("education");
    static final UnitId HOUSING = UnitId.of("housing");
    static final UnitId TRANSPORT = UnitId.of("transport");

    static final Map<String, Object> OFFICE = Actor.office("office-wang").toMetaData();
    static final Map<String, Object> SYSTEM = Actor.SYSTEM.toMetaData();
    static final Map<String, Object> LEAD_UNIT = Actor.unit("unit-commerce", "commerce").toMetaData();
    static final Map<String, Object> CO_UNIT = Actor.unit("unit-education", "education").toMetaData();
    static final Map<String, Object> OTHER_UNIT = Actor.unit("unit-transport", "transport").toMetaData();
    static final Map<String, Object> PROPOSER = Actor.deputy("deputy-zhu", "zhu-heping").toMetaData();
    static final Map<String, Object> CO_PROPOSER = Actor.deputy("deputy-gao", "gao-yonghong").toMetaData();
    static final Map<String, Object> OTHER_DEPUTY = Actor.deputy("deputy-li", "li-ming").toMetaData();
    static final Map<String, Object> SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null, null).toMetaData();
    static final Map<String, Object> READER = new Actor("reader", Role.READER, null, null).toMetaData();

    /** Assigned on the Friday before today; the reply is due three months later. */
    static final LocalDate ASSIGNED_ON = LocalDate.of(2024, 3, 8);
    static final LocalDate DUE_ON = LocalDate.of(2024, 6, 8);

    FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void createFixture() {
        createFixture(DeadlineRules.weekdays());
    }

    /** A fresh fixture whose session runs under the given rules. */
    void createFixture(DeadlineRules rules) {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(new InMemoryReferenceData()
                .withSessions(SESSION.value())
                .withUnits(COMMERCE.value(), EDUCATION.value(), HOUSING.value(), TRANSPORT.value())
                .withDeputies(ZHU.value(), GAO.value(), "li-ming"));
        fixture.registerInjectableResource(DeadlineRuleBook.fixed(rules));
        fixture.registerInjectableResource(CLOCK);
    }

    // ---- events of a typical life ----------------------------------------------------------

    static ProposalSubmitted submitted() {
        return new ProposalSubmitted(ID, SESSION, "关于加快老旧小区改造的建议", List.of(ZHU, GAO), true,
                Category.URBAN_CONSTRUCTION, "老旧小区设施老化，群众反映强烈。", List.of("加大财政投入", "完善长效管理机制"));
    }

    static ProposalRegistered registered() {
        return new ProposalRegistered(ID, SESSION, "第001号");
    }

    static ProposalAssigned assigned() {
        return assigned(ASSIGNED_ON, DUE_ON);
    }

    static ProposalAssigned assigned(LocalDate on, LocalDate due) {
        return new ProposalAssigned(ID, SESSION, COMMERCE, List.of(EDUCATION), on, due);
    }

    /** The terms an assignment on {@code on} runs under with the default rules (weekdays, 7-day return window …). */
    static HandlingTermsSet terms(LocalDate on, LocalDate due) {
        DeadlineRules rules = DeadlineRules.weekdays();
        return new HandlingTermsSet(ID, SESSION, COMMERCE, due, rules.lastReturnDay(on), List.of(EDUCATION),
                rules.coOpinionDueOn(on), rules.set().reminderWorkingDays());
    }

    /** The events up to an assignment on {@code on}, due on {@code due}, under the default rules. */
    static Object[] assignedProposal(LocalDate on, LocalDate due) {
        return new Object[]{submitted(), registered(), assigned(on, due), terms(on, due)};
    }

    static AssignmentReturned returnedByLead() {
        return new AssignmentReturned(ID, COMMERCE, "不属于本单位职责");
    }

    static ProposalReplied replied(ReplyClass classification) {
        return replied(classification, 1);
    }

    static ProposalReplied replied(ReplyClass classification, int round) {
        return new ProposalReplied(ID, COMMERCE, classification, "已列入年度改造计划。", "李局长",
                ASSIGNED_ON.plusDays(20), DUE_ON, false, round);
    }

    static ProposalRated rated(Rating rating) {
        return new ProposalRated(ID, ZHU, rating, null, 1);
    }

    static RehandlingOrdered rehandlingOrdered() {
        return new RehandlingOrdered(ID, COMMERCE, TODAY.plusMonths(1), Proposal.REHANDLING_AFTER_UNSATISFIED, 2);
    }

    /** The events up to an assignment awaiting its first reply. */
    static Object[] assignedProposal() {
        return assignedProposal(ASSIGNED_ON, DUE_ON);
    }

    /** The events up to a first reply of the given class, not yet rated. */
    static Object[] repliedProposal(ReplyClass classification) {
        return new Object[]{submitted(), registered(), assigned(), terms(ASSIGNED_ON, DUE_ON), replied(classification)};
    }
}
