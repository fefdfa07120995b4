package org.proposalledger.platform.axon;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreSchemaTest {

    @Test
    void picks_the_h2_factory_for_h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema-test");
        assertThat(EventStoreSchema.factoryFor(ds)).isSameAs(H2EventTableFactory.INSTANCE);
    }
}
