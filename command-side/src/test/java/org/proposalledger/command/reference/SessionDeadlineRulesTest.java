package org.proposalledger.command.reference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.api.reference.SessionDeadlineRulesSet;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.SetSessionDeadlineRules;
import org.proposalledger.api.security.Actor;

import java.time.LocalDate;

import static org.proposalledger.api.error.Rejection.FORBIDDEN;
import static org.proposalledger.api.error.Rejection.INVALID;
import static org.proposalledger.command.Rejections.rejected;

class SessionDeadlineRulesTest {

    static final SessionId SESSION = SessionId.of("lvliang-5-2");
    static final CongressSessionRegistered REGISTERED =
            new CongressSessionRegistered(SESSION, "第二次会议", LocalDate.of(2022, 1, 5));
    static final DeadlineRuleSet CUSTOM = new DeadlineRuleSet(2, 4, 5, 1, 1, 3);

    FixtureConfiguration<CongressSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CongressSession.class);
    }

    @Test
    void office_sets_a_sessions_rules() {
        fixture.given(REGISTERED)
                .when(new SetSessionDeadlineRules(SESSION, CUSTOM), Actor.office("office-wang").toMetaData())
                .expectEvents(new SessionDeadlineRulesSet(SESSION, CUSTOM));
    }

    @Test
    void setting_the_same_rules_again_changes_nothing() {
        fixture.given(REGISTERED, new SessionDeadlineRulesSet(SESSION, CUSTOM))
                .when(new SetSessionDeadlineRules(SESSION, CUSTOM), Actor.office("office-wang").toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void only_the_office_sets_rules() {
        fixture.given(REGISTERED)
                .when(new SetSessionDeadlineRules(SESSION, CUSTOM), Actor.unit("unit-commerce", "commerce").toMetaData())
                .expectNoEvents()
                .expectException(rejected(FORBIDDEN, "office-only"));
    }

    @Test
    void an_extension_limit_shorter_than_the_reply_period_is_invalid() {
        fixture.given(REGISTERED)
                .when(new SetSessionDeadlineRules(SESSION, new DeadlineRuleSet(3, 2, 7, 1, 1, 5)),
                        Actor.office("office-wang").toMetaData())
                .expectNoEvents()
                .expectException(rejected(INVALID, "invalid-deadline-rules"));
    }

    @Test
    void rules_are_required() {
        fixture.given(REGISTERED)
                .when(new SetSessionDeadlineRules(SESSION, null), Actor.office("office-wang").toMetaData())
                .expectNoEvents()
                .expectException(rejected(INVALID, "rules-required"));
    }
}
