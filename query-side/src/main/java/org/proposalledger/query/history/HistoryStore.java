package org.proposalledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.query.mongo.DocumentMapper;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code proposal_history} collection: per proposal {@code _id}, {@code version} (the last
 * applied sequence) and {@code entries}, shaped like {@link ProposalHistory.Entry}, in order.
 */
@Component
public class HistoryStore {

    public static final String COLLECTION = "proposal_history";

    private final MongoTemplate mongo;
    private final DocumentMapper mapper;

    public HistoryStore(MongoTemplate mongo, DocumentMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    public MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    public ProposalHistory find(String proposalId) {
        Document doc = collection().find(Filters.eq("_id", proposalId)).first();
        return doc == null ? null : mapper.fromDocument(doc, "proposalId", ProposalHistory.class);
    }

    /** A copy of {@code doc} (may be null) with {@code entry} appended, unless its sequence is applied already. */
    Document append(Document doc, String proposalId, ProposalHistory.Entry entry) {
        long version = doc == null || doc.get("version") == null ? -1 : ((Number) doc.get("version")).longValue();
        if (entry.sequence() <= version) {
            return doc; // re-delivered
        }
        List<Object> entries = doc == null ? new ArrayList<>() : new ArrayList<>(doc.getList("entries", Object.class));
        entries.add(new Document(mapper.toMap(entry)));
        return new Document("_id", proposalId).append("version", entry.sequence()).append("entries", entries);
    }

    public void drop() {
        mongo.dropCollection(COLLECTION);
    }
}
