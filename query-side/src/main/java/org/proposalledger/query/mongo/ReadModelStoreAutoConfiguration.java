package org.proposalledger.query.mongo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.util.StringUtils;


/**
 * What lives in the read-model database: its name, the processor token store and the
 * document mapping. After Boot's client configuration (which backs off entirely once a
 * {@link MongoDatabaseFactory} exists), before Boot's template and Axon's JDBC token store.
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, ReadModelMongoAutoConfiguration.class},
        before = {MongoDataAutoConfiguration.class, JdbcAutoConfiguration.class})
// Axon's own settings class for axon.eventhandling.tokenstore.claim-timeout (10s), whichever token store is used
@EnableConfigurationProperties(TokenStoreProperties.class)
public class ReadModelStoreAutoConfiguration {

    public static final String DEFAULT_DATABASE = "ledger";
    public static final String TOKENS_COLLECTION = "tokens";

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
    public TokenStore mongoTokenStore(MongoDatabaseFactory databaseFactory,
                                      @Qualifier("serializer") Serializer serializer,
                                      TokenStoreProperties tokenStore) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(databaseFactory.getMongoDatabase())
                .trackingTokensCollectionName(TOKENS_COLLECTION)
                .build();
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(tokenStore.getClaimTimeout())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public DocumentMapper readModelDocumentMapper(@Qualifier("defaultAxonObjectMapper") ObjectMapper axonObjectMapper) {
        return new DocumentMapper(axonObjectMapper);
    }
}
