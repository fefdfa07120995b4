package org.proposalledger.query.projection;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.support.DeliveryCounter;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.query.support.Contexts.progress;
import static org.proposalledger.query.support.Contexts.start;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.submitted;

/** Stops the process and starts a new one on the same data folder. */
class RestartTest {

    @Test
    void readModelsAndTokensSurviveARestart() {
        Path dir = TestDataDir.create(RestartTest.class);
        Map<String, List<Document>> before;
        int firstPort;
        try (ConfigurableApplicationContext first = start(dir)) {
            new EventLog(first.getBean(EventStore.class)).proposal(Actor.office("office"), "c-r",
                    submitted("r-1"), registered("r-1", "1"), assigned("r-1", "commerce"));
            progress(first).awaitCaughtUp();
            before = snapshot(first);
            firstPort = first.getBean(EmbeddedMongo.class).port();
        }
        assertThat(before.get(ProposalStore.COLLECTION)).hasSize(1);
        assertThat(Files.exists(dir.resolve("readmodel.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start(dir)) {
            // a new server process on the same file: the documents are there from the start
            assertThat(snapshot(second)).isEqualTo(before);
            assertThat(second.getBean(ProposalStore.class).find("r-1").status()).isEqualTo("ASSIGNED");

            new EventLog(second.getBean(EventStore.class)).proposal(Actor.office("office"), "c-r2", submitted("r-2"));
            ProposalStore proposals = second.getBean(ProposalStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> proposals.find("r-2") != null);
            progress(second).awaitCaughtUp();

            // the token survived too: only the new event was delivered after the restart
            assertThat(second.getBean(DeliveryCounter.class).proposalEvents()).isEqualTo(1);
            ProposalView r1 = proposals.find("r-1");
            assertThat(r1.version()).isEqualTo(2);
            assertThat(second.getBean(EmbeddedMongo.class).port()).isPositive();
        }
        assertThat(firstPort).isPositive();
    }

    private static Map<String, List<Document>> snapshot(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        Map<String, List<Document>> all = new TreeMap<>();
        for (String c : List.of(ProposalStore.COLLECTION)) {
            all.put(c, mongo.getCollection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}
