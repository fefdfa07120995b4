package org.proposalledger.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read models as the deployment tests see them in MongoDB: whether the projections have reached
 * a position of the event stream, and whether two databases hold the same read models, document
 * by document (one of them a fresh rebuild from the same events).
 */
final class ReadModels {

    static final String VIEWS = "proposal-views";
    static final String SUPERVISION = "supervision-views";
    static final Set<String> NOT_READ_MODELS = Set.of("tokens", "query_side_instances");
    /**
     * The dashboard counter collections, compared for what they count. Left out of the comparison,
     * as bookkeeping that depends on how the events were split into batches and segments, not on
     * the events: {@code applied} (each segment's re-delivery marker, the stream positions it has
     * counted into the document), a session's {@code tablesRevision} (a count of the batches that
     * changed its tables) and {@code epoch} (drawn when the document is created), the order of the member sets ({@code units}, {@code categories},
     * {@code months}: the order members were first added in; readers treat them as sets), and
     * zero counts (a count that went up and down in different batches is stored as 0, within one
     * batch not at all; readers take a missing count as 0), with sub-documents left empty by that.
     */
    static final Set<String> COUNTERS = Set.of("dashboard_counters", "dashboard_days");
    static final Set<String> MEMBER_SETS = Set.of("units", "categories", "months");
    static final Set<String> BOOKKEEPING = Set.of("applied", "tablesRevision", "epoch");

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private ReadModels() {
    }

    static int segmentCount(MongoDatabase db, String processor) {
        return (int) db.getCollection("tokens").countDocuments(new Document("processorName", processor));
    }

    /** Every segment of both read-model processors has a token at or past {@code index}. */
    static boolean caughtUp(MongoDatabase db, long index) {
        for (String processor : List.of(VIEWS, SUPERVISION)) {
            if (segmentCount(db, processor) == 0) {
                return false;
            }
            for (Document token : db.getCollection("tokens").find(new Document("processorName", processor))) {
                Object bytes = token.get("token");
                if (bytes == null) {
                    return false;
                }
                String text = new String(bytes instanceof Binary b ? b.getData() : (byte[]) bytes, StandardCharsets.UTF_8);
                Matcher m = TOKEN_INDEX.matcher(text);
                if (!m.find() || Long.parseLong(m.group(1)) < index) {
                    return false;
                }
            }
        }
        return true;
    }

    static void awaitCaughtUp(MongoDatabase db, long index, Duration timeout) {
        await("read models in " + db.getName() + " to reach global index " + index).atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(db, index));
    }

    /**
     * Every read-model collection, document by document; fails naming the first differences.
     * Returns the document count per collection.
     */
    static Map<String, Integer> assertEqual(MongoDatabase actual, MongoDatabase rebuild) {
        Set<String> names = new TreeSet<>();
        actual.listCollectionNames().into(names);
        names.removeAll(NOT_READ_MODELS);
        Set<String> rebuilt = new TreeSet<>();
        rebuild.listCollectionNames().into(rebuilt);
        rebuilt.removeAll(NOT_READ_MODELS);
        assertThat(rebuilt).as("read-model collections").isEqualTo(names);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            Map<Object, Document> a = byId(actual, name);
            Map<Object, Document> b = byId(rebuild, name);
            counts.put(name, a.size());
            if (!a.keySet().equals(b.keySet())) {
                differences.add(name + ": ids differ (" + a.size() + " vs " + b.size() + ")");
                continue;
            }
            for (Map.Entry<Object, Document> e : a.entrySet()) {
                Document mine = comparable(name, e.getValue());
                Document other = comparable(name, b.get(e.getKey()));
                if (!mine.toJson().equals(other.toJson()) && !mine.equals(other) && differences.size() < 5) {
                    differences.add(name + " " + e.getKey() + ":\n  " + actual.getName() + "  " + mine.toJson()
                            + "\n  " + rebuild.getName() + " " + other.toJson());
                }
            }
        }
        assertThat(differences).as("documents differing from the rebuild").isEmpty();
        return counts;
    }

    /** The document as compared: as stored, but for the counters' bookkeeping (see {@link #COUNTERS}). */
    static Document comparable(String collection, Document doc) {
        if (!COUNTERS.contains(collection)) {
            return doc;
        }
        Document out = new Document();
        doc.forEach((key, value) -> {
            if (BOOKKEEPING.contains(key) || value instanceof Number n && n.longValue() == 0) {
                return;
            }
            if (MEMBER_SETS.contains(key) && value instanceof List<?> members) {
                out.put(key, members.stream().map(Object::toString).sorted().toList());
            } else if (value instanceof Document nested) {
                Document counts = comparable(collection, nested);
                if (!counts.isEmpty()) { // nothing but zeros
                    out.put(key, counts);
                }
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    private static Map<Object, Document> byId(MongoDatabase db, String collection) {
        Map<Object, Document> docs = new HashMap<>();
        for (Document d : db.getCollection(collection).find()) {
            docs.put(d.get("_id"), d);
        }
        return docs;
    }
}
