package org.proposalledger.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.query.support.Contexts.start;
import static org.proposalledger.query.support.Events.submitted;

/**
 * With {@code spring.data.mongodb.uri} set, Boot's own Mongo configuration connects there and
 * no embedded server starts. A second mongo-java-server stands in for the external MongoDB.
 */
class ConfiguredMongoTest {

    @Test
    void aConfiguredUriIsUsedInsteadOfTheEmbeddedServer() {
        Path dir = TestDataDir.create(ConfiguredMongoTest.class);
        try (EmbeddedMongo external = EmbeddedMongo.start(dir.resolve("external/mongo.mv"));
             MongoClient probe = MongoClients.create(external.connectionString())) {
            try (ConfigurableApplicationContext context = start(dir,
                    "spring.data.mongodb.uri=" + external.connectionString() + "/views")) {
                assertThat(context.getBeanNamesForType(EmbeddedMongo.class)).isEmpty();
                assertThat(context.getBeansOfType(MongoClient.class)).hasSize(1);
                assertThat(Files.exists(dir.resolve("readmodel.mv"))).isFalse();
                assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("views");

                new EventLog(context.getBean(EventStore.class)).proposal(Actor.office("office"), "c-x",
                        submitted("x-1"));

                // read models and tokens land in the configured server's database
                await().atMost(Duration.ofSeconds(60)).until(() -> probe.getDatabase("views")
                        .getCollection(ProposalStore.COLLECTION).find(new Document("_id", "x-1")).first() != null);
                assertThat(probe.getDatabase("views").getCollection(ReadModelStoreAutoConfiguration.TOKENS_COLLECTION)
                        .countDocuments(new Document("processorName", Projections.GROUP))).isPositive();
            }
        }
    }
}
