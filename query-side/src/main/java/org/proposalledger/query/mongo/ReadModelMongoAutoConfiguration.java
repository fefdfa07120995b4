package org.proposalledger.query.mongo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.util.StringUtils;

import java.time.Duration;

/**
 * Where read models and processor tokens live. With no MongoDB address configured
 * ({@code spring.data.mongodb.uri} / {@code .host}) an embedded server is started on
 * {@code ${ledger.data-dir}/readmodel.mv} and handed to Spring Boot as the connection details,
 * so Boot's Mongo auto-configuration builds the one {@link MongoClient} (with its metrics
 * customizers) against it; otherwise Boot connects to the configured address as usual.
 * Spring destroys the client before the server because the client depends on it.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class,
        JdbcAutoConfiguration.class})
public class ReadModelMongoAutoConfiguration {

    public static final String DEFAULT_DATABASE = "ledger";
    public static final String TOKENS_COLLECTION = "tokens";
    static final String READ_MODEL_FILE = "readmodel.mv";

    @Bean(destroyMethod = "close")
    @Conditional(OnEmbeddedMongo.class)
    public EmbeddedMongo embeddedMongo(LedgerProperties ledger) {
        return EmbeddedMongo.start(ledger.getDataDir().resolve(READ_MODEL_FILE));
    }

    @Bean
    @Conditional(OnEmbeddedMongo.class)
    public MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo embeddedMongo) {
        ConnectionString connection = new ConnectionString(embeddedMongo.connectionString());
        return () -> connection;
    }

    /** Like Boot's, but the database defaults to {@value #DEFAULT_DATABASE} instead of {@code test}. */
    @Bean
    @ConditionalOnMissingBean(MongoDatabaseFactory.class)
    public MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, Environment env,
                                                     ObjectProvider<MongoConnectionDetails> details) {
        return new SimpleMongoClientDatabaseFactory(client, databaseName(env, details.getIfAvailable()));
    }

    static String databaseName(Environment env, MongoConnectionDetails details) {
        String configured = env.getProperty("spring.data.mongodb.database");
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        String inUri = details == null ? null : details.getConnectionString().getDatabase();
        return StringUtils.hasText(inUri) ? inUri : DEFAULT_DATABASE;
    }

    /**
     * Processor tokens next to the read models. They need no shared transaction with them:
     * projections write before the token is stored and skip what they have applied already.
     * Declared ahead of Axon's JDBC auto-configuration, whose token store then backs off.
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore mongoTokenStore(MongoDatabaseFactory databaseFactory, @Qualifier("serializer") Serializer serializer,
                                      @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(databaseFactory.getMongoDatabase())
                .trackingTokensCollectionName(TOKENS_COLLECTION)
                .build();
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public DocumentMapper readModelDocumentMapper(@Qualifier("defaultAxonObjectMapper") ObjectMapper axonObjectMapper) {
        return new DocumentMapper(axonObjectMapper);
    }

    /** Named so Boot's own Mongo health contributor (which the embedded server fails) backs off. */
    @Bean(name = "mongoHealthContributor")
    @Conditional(OnEmbeddedMongo.class)
    public HealthIndicator embeddedMongoHealthIndicator(MongoTemplate template, EmbeddedMongo embeddedMongo) {
        return new EmbeddedMongoHealthIndicator(template, embeddedMongo);
    }
}
