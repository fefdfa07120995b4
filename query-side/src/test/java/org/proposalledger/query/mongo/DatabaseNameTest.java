package org.proposalledger.query.mongo;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseNameTest {

    @Test
    void theDatabaseIsLedgerUnlessConfiguredOrNamedInTheUri() {
        MockEnvironment env = new MockEnvironment();
        assertThat(ReadModelStoreAutoConfiguration.databaseName(env, null)).isEqualTo("ledger");
        assertThat(ReadModelStoreAutoConfiguration.databaseName(env,
                () -> new ConnectionString("mongodb://db.example:27017"))).isEqualTo("ledger");
        assertThat(ReadModelStoreAutoConfiguration.databaseName(env,
                () -> new ConnectionString("mongodb://db.example:27017/views"))).isEqualTo("views");

        env.setProperty("spring.data.mongodb.database", "configured");
        assertThat(ReadModelStoreAutoConfiguration.databaseName(env,
                () -> new ConnectionString("mongodb://db.example:27017/views"))).isEqualTo("configured");
    }
}
