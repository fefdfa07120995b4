package org.proposalledger.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.proposalledger.platform.outage.Store;
import org.proposalledger.platform.outage.StoreOutages;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The read store out of reach, as the MongoDB driver and Spring Data really report it, and the driver's time limits. */
class ReadStoreOutagesTest {

    static final StoreOutages OUTAGES = StoreOutages.withPlatformClassifiers(List.of(new ReadStoreOutages()));

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void noServerWithinTheSelectionTimeout() throws Exception {
        String uri = "mongodb://127.0.0.1:" + closedPort() + "/ledger?serverSelectionTimeoutMS=300";
        try (MongoClient client = MongoClients.create(uri)) {
            Throwable driver = catchThrowable(() -> client.getDatabase("ledger").runCommand(new Document("ping", 1)));
            assertThat(driver).isInstanceOf(MongoTimeoutException.class);
            assertThat(OUTAGES.find(driver)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.READ_STORE);
            // as a query handler meets it, translated by Spring Data
            Throwable template = catchThrowable(() -> new MongoTemplate(client, "ledger")
                    .findById("p-1", Document.class, "proposals"));
            assertThat(template.getClass().getPackageName()).startsWith("org.springframework.dao");
            assertThat(OUTAGES.find(template)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.READ_STORE);
        }
        assertThat(OUTAGES.find(new IllegalArgumentException("bad filter"))).isEmpty();
    }

    @Test
    void theDriversWaitsAreBoundedUnlessTheConnectionStringSetsThem() {
        MongoClientSettings defaults = customized("mongodb://mongo:27017/ledger");
        assertThat(defaults.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(defaults.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(defaults.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isZero();

        MongoClientSettings own = customized(
                "mongodb://mongo:27017/ledger?serverSelectionTimeoutMS=5000&connectTimeoutMS=3000&socketTimeoutMS=9000");
        assertThat(own.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
        assertThat(own.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3000);
        assertThat(own.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9000);
    }

    @Test
    void theDriversWaitingLineIsReadAsTheReadStoreOutOfReach() {
        ReadStoreOutages outages = new ReadStoreOutages();
        assertThat(outages.unreachableSaysLog("org.mongodb.driver.cluster",
                "Waiting for server to become available for operation with ID 217. Remaining time: 999 ms."))
                .isEqualTo(Store.READ_STORE);
        assertThat(outages.unreachableSaysLog("org.mongodb.driver.cluster", "Monitor thread successfully connected"))
                .isNull();
    }

    /** Settings as Boot builds them: the connection string first, then the customizer. */
    private static MongoClientSettings customized(String uri) {
        ConnectionString cs = new ConnectionString(uri);
        MongoConnectionDetails details = () -> cs;
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(cs);
        ReadStoreTimeouts timeouts = new ReadStoreTimeouts();
        timeouts.setSocketTimeout(Duration.ZERO);
        new ReadModelMongoAutoConfiguration().readStoreTimeouts(timeouts, details).customize(builder);
        return builder.build();
    }
}
