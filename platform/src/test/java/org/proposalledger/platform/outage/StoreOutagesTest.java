package org.proposalledger.platform.outage;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain walk: however deep the store's failure is wrapped, and whatever the other links are. */
class StoreOutagesTest {

    @Test
    void findsTheStoreBelowAnyWrappingAndNamesTheDeepestReason() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms", "08001",
                new ConnectException("Connection refused"));
        Throwable wrapped = new CompletionException(new CommandExecutionException("failed", hikari));
        StoreOutages.Outage outage = StoreOutages.withPlatformClassifiers(List.of()).find(wrapped).orElseThrow();
        assertThat(outage.store()).isEqualTo(Store.EVENT_STORE);
        assertThat(outage.reason()).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void sideClassifiersAreAskedAndACyclicChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        StoreOutages outages = StoreOutages.withPlatformClassifiers(List.of(t -> "b".equals(t.getMessage()) ? Store.READ_STORE : null));
        assertThat(outages.find(a)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.READ_STORE);
        assertThat(StoreOutages.withPlatformClassifiers(List.of()).find(a)).isEmpty();
    }
}
