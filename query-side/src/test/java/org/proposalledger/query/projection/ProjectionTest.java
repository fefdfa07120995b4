package org.proposalledger.query.projection;

import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections with the configured batch size (500). */
@SpringBootTest(classes = QuerySideApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionTest extends AbstractProjectionTest {

    static final Path DIR = TestDataDir.create(ProjectionTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    /** One append of many events reaches the processor in a few batches, each one bulk write. */
    @Override
    void assertWrites(int events, long updateCommands) {
        assertThat(updateCommands).isPositive().isLessThan(events / 5);
    }
}
