package org.proposalledger.query.projection;

import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The same checks with batches of one event: every event is its own unit of work and write. */
@SpringBootTest(classes = QuerySideApplication.class, properties = "ledger.query.projection.batch-size=1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionBatchOfOneTest extends AbstractProjectionTest {

    static final Path DIR = TestDataDir.create(ProjectionBatchOfOneTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Override
    void assertWrites(int events, long updateCommands) {
        assertThat(updateCommands).isEqualTo(events);
    }
}
