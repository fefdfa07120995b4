package org.proposalledger.query.mongo;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.proposalledger.platform.outage.BoundedHealthIndicator;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With no MongoDB address configured, the process runs its own read-model store. */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmbeddedMongoWiringTest {

    static final Path DIR = TestDataDir.create(EmbeddedMongoWiringTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
        registry.add("ledger.read-model.embedded-cache-mb", () -> "48");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EmbeddedMongo embeddedMongo;
    @Autowired
    MongoClient client;
    @Autowired
    MongoTemplate template;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    MockMvc mvc;

    @Test
    void oneClientTalksToTheEmbeddedServerOnItsFileUnderTheDataDir() {
        assertThat(context.getBeansOfType(MongoClient.class)).hasSize(1);
        assertThat(embeddedMongo.file()).isEqualTo(DIR.resolve("readmodel.mv").toAbsolutePath());
        assertThat(Files.exists(embeddedMongo.file())).isTrue();

        template.getCollection("probe").insertOne(new org.bson.Document("_id", "x"));
        assertThat(client.getClusterDescription().getServerDescriptions())
                .extracting(d -> d.getAddress())
                .containsExactly(new ServerAddress("127.0.0.1", embeddedMongo.port()));
    }

    @Test
    void theFileIsOpenedWithTheConfiguredPageCache() {
        assertThat(embeddedMongo.pageCacheMegabytes()).isEqualTo(48);
    }

    @Test
    void readModelsLiveInTheLedgerDatabase() {
        assertThat(template.getDb().getName()).isEqualTo("ledger");
    }

    @Test
    void processorTokensAreKeptInMongo() {
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> tokenStore.fetchSegments(Projections.GROUP).length == 2);
        assertThat(template.getCollection("tokens").countDocuments(
                new org.bson.Document("processorName", Projections.GROUP))).isEqualTo(2);
    }

    @Test
    void healthReportsTheEmbeddedStoreUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        // every health check is put behind a time limit (platform outage.BoundedHealthIndicators)
        assertThat(context.getBean("mongoHealthContributor")).isInstanceOf(BoundedHealthIndicator.class);
        assertThat(((BoundedHealthIndicator) context.getBean("mongoHealthContributor")).delegate())
                .isInstanceOf(MongoPingHealthIndicator.class);
    }
}
