package org.proposalledger.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.proposalledger.platform.outage.OutageClassifier;

import java.util.concurrent.TimeUnit;

/**
 * Which MongoDB holds read models and processor tokens. With no MongoDB address configured
 * ({@code spring.data.mongodb.uri} / {@code .host}) an embedded server is started on
 * {@code ${ledger.data-dir}/readmodel.mv} and handed to Spring Boot as the connection details,
 * so Boot's Mongo auto-configuration builds the one {@link MongoClient} (with its metrics
 * customizers) against it; otherwise Boot connects to the configured address as usual.
 * Spring destroys the client before the server because the client depends on it.
 *
 * @see ReadModelStoreAutoConfiguration
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties({ReadStoreTimeouts.class, ReadModelSettings.class})
public class ReadModelMongoAutoConfiguration {

    static final String READ_MODEL_FILE = "readmodel.mv";

    @Bean(destroyMethod = "close")
    @Conditional(OnEmbeddedMongo.class)
    public EmbeddedMongo embeddedMongo(LedgerProperties ledger, ReadModelSettings settings) {
        String backend = settings.getEmbeddedBackend();
        boolean inMemory = switch (backend) {
            case "h2" -> false;
            case "memory" -> true;
            default -> throw new IllegalArgumentException(
                    "ledger.read-model.embedded-backend must be h2 or memory, not " + backend);
        };
        return EmbeddedMongo.start(ledger.getDataDir().resolve(READ_MODEL_FILE), inMemory, settings.getEmbeddedCacheMb());
    }

    @Bean
    @Conditional(OnEmbeddedMongo.class)
    public MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo embeddedMongo) {
        ConnectionString connection = new ConnectionString(embeddedMongo.connectionString());
        return () -> connection;
    }

    /**
     * Named so Boot's own Mongo health contributor (which mongo-java-server fails) backs off; a
     * {@code ping} for the embedded and a configured MongoDB alike.
     */
    @Bean(name = "mongoHealthContributor")
    public HealthIndicator mongoPingHealthIndicator(MongoTemplate template,
                                                    ObjectProvider<EmbeddedMongo> embeddedMongo) {
        return new MongoPingHealthIndicator(template, embeddedMongo.getIfAvailable());
    }

    /** Which failures mean the read store is out of reach (a 503 {@code read-store-unavailable}, not a 500). */
    @Bean
    public OutageClassifier readStoreOutages() {
        return new ReadStoreOutages();
    }

    /**
     * The driver gives up on an unreachable read store within {@code ledger.outage.read-store.*}
     * (docs/outages.md), unless the connection string says otherwise. The embedded server gets
     * them too: it runs in this process and answers at once, so they never matter there.
     */
    @Bean
    public MongoClientSettingsBuilderCustomizer readStoreTimeouts(ReadStoreTimeouts timeouts,
                                                                  MongoConnectionDetails details) {
        ConnectionString uri = details.getConnectionString();
        return settings -> {
            if (uri.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(c -> c.serverSelectionTimeout(
                        timeouts.getServerSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            settings.applyToSocketSettings(s -> {
                if (uri.getConnectTimeout() == null) {
                    s.connectTimeout((int) timeouts.getConnectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                if (uri.getSocketTimeout() == null) {
                    s.readTimeout((int) timeouts.getSocketTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        };
    }
}
