package org.proposalledger.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.support.TestDataDir;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real embedded server: what a batch reads and writes, counted on the wire. */
class DocumentBufferTest {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static final List<String> commands = new CopyOnWriteArrayList<>();

    private MongoCollection<Document> collection;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(TestDataDir.create(DocumentBufferTest.class).resolve("buffer.mv"));
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void clean() {
        collection = client.getDatabase("t").getCollection("docs");
        collection.deleteMany(new Document());
        collection.insertOne(new Document("_id", "a").append("n", 1));
        commands.clear();
    }

    private DocumentBuffer<Document> buffer() {
        return new DocumentBuffer<>(collection, Function.identity(), Function.identity());
    }

    @Test
    void eachDocumentIsReadOnceAndAllAreWrittenInOneBulkWrite() {
        DocumentBuffer<Document> buffer = buffer();
        for (int i = 0; i < 5; i++) {
            Document a = buffer.get("a");
            buffer.put("a", new Document("n", a.getInteger("n") + 1));
        }
        assertThat(buffer.get("b")).isNull();
        buffer.put("b", new Document("n", 10));
        buffer.put("c", new Document("n", 20));
        buffer.flush();

        // "a" and "b" were read, once each; "c" was only written
        assertThat(commands).containsExactly("find", "find", "update");
        assertThat(collection.find().into(new java.util.ArrayList<>())).containsExactlyInAnyOrder(
                new Document("_id", "a").append("n", 6),
                new Document("_id", "b").append("n", 10),
                new Document("_id", "c").append("n", 20));
    }

    @Test
    void flushingAgainWritesNothing() {
        DocumentBuffer<Document> buffer = buffer();
        buffer.put("a", new Document("n", 2));
        buffer.flush();
        commands.clear();

        buffer.flush();

        assertThat(commands).isEmpty();
        assertThat(buffer.pending()).isZero();
    }
}
