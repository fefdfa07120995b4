package org.proposalledger.tools.generate;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generator through the real command path at startup; the dashboard the projections build
 * from its events must equal what the plan says.
 */
@SpringBootTest(properties = {"ledger.generate.proposals=120", "ledger.generate.seed=7",
        "ledger.generate.session=gen-test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GeneratorTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("ledger-gen-").toString();
        registry.add("ledger.data-dir", () -> dir);
    }

    @Autowired
    QueryGateway queries;
    @Autowired
    SimulatedClock clock;

    @Test
    void theProjectedDashboardIsWhatThePlanSays() {
        SessionPlan.Expected e = new SessionPlan(7, 120, "gen-test", LocalDate.of(2022, 1, 5)).expected();
        await().atMost(Duration.ofSeconds(90)).until(() -> counts().rated() == e.rated()
                && counts().assigned() == e.assigned() && counts().replied() == e.replied());
        ScopeCounts c = counts();
        assertThat(c.assigned()).isEqualTo(e.assigned());
        assertThat(c.replied()).isEqualTo(e.replied());
        assertThat(c.repliedOnTime()).isEqualTo(e.repliedOnTime());
        assertThat(c.consultedBeforeFirstReply()).isEqualTo(e.consulted());
        assertThat(c.rated()).isEqualTo(e.rated());
        assertThat(c.satisfied()).isEqualTo(e.satisfied());
        assertThat(c.basicallySatisfied()).isEqualTo(e.basicallySatisfied());
        assertThat(c.unsatisfied()).isEqualTo(e.unsatisfied());
        assertThat(c.overdue()).isEqualTo(e.overdue());
        // released: back on real time
        assertThat(clock.instant()).isAfter(java.time.Instant.parse("2025-01-01T00:00:00Z"));
    }

    private ScopeCounts counts() {
        return queries.query(new GetSessionDashboard("gen-test", null), ResponseTypes.instanceOf(SessionDashboard.class))
                .join().figures().counts();
    }
}
