package org.proposalledger.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoTemplate;

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
public class ReadModelMongoAutoConfiguration {

    static final String READ_MODEL_FILE = "readmodel.mv";

    @Bean(destroyMethod = "close")
    @Conditional(OnEmbeddedMongo.class)
    public EmbeddedMongo embeddedMongo(LedgerProperties ledger,
                                       @Value("${ledger.read-model.embedded-backend:h2}") String backend,
                                       @Value("${ledger.read-model.embedded-cache-mb:" + EmbeddedMongo.DEFAULT_CACHE_MB + "}")
                                       int cacheMegabytes) {
        boolean inMemory = switch (backend) {
            case "h2" -> false;
            case "memory" -> true;
            default -> throw new IllegalArgumentException(
                    "ledger.read-model.embedded-backend must be h2 or memory, not " + backend);
        };
        return EmbeddedMongo.start(ledger.getDataDir().resolve(READ_MODEL_FILE), inMemory, cacheMegabytes);
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
}
