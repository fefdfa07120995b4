package org.proposalledger.query.proposal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalPage;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.mongo.DocumentMapper;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code proposals} collection: one document per proposal, {@code _id} = proposal id,
 * otherwise shaped like {@link ProposalView}.
 */
@Component
public class ProposalStore {

    public static final String COLLECTION = "proposals";
    static final String TOKENS = "tokens";

    /** Every list filter, each followed by {@code _id} so a filtered page is one index range on real MongoDB. */
    private static final List<String> FILTERED_FIELDS =
            List.of("sessionId", "leadUnitId", "coUnitIds", "status", "category", "proposers", TOKENS);

    private final MongoTemplate mongo;
    private final DocumentMapper mapper;

    public ProposalStore(MongoTemplate mongo, DocumentMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
        ensureIndexes();
    }

    public MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    public Document toDocument(ProposalView view) {
        Document doc = mapper.toDocument(view, "id");
        doc.put(TOKENS, SearchTokens.of(view)); // not part of the view: read back, it is ignored
        doc.put(ProposalOrder.KEYS, ProposalOrder.keysOf(view)); // likewise
        return doc;
    }

    public ProposalView fromDocument(Document doc) {
        return mapper.fromDocument(doc, "id", ProposalView.class);
    }

    public ProposalView find(String id) {
        Document doc = collection().find(Filters.eq("_id", id)).first();
        return doc == null ? null : fromDocument(doc);
    }

    /**
     * One page in the query's order. The embedded server uses no secondary index, so this is
     * written as "after the cursor's (key, id), filtered, sorted by (key, id), limit + 1" — the
     * shape real MongoDB answers from the indexes below and the embedded one by a scan. With a
     * text filter the tokens narrow it down and the text itself decides, so it reads on until
     * the page is full.
     */
    public ProposalPage list(ListProposals q) {
        ProposalOrder order = ProposalOrder.parse(q.sort());
        List<Bson> filters = new ArrayList<>();
        if (q.sessionId() != null) {
            filters.add(Filters.eq("sessionId", q.sessionId()));
        }
        if (q.unitId() != null) {
            filters.add(Filters.or(Filters.eq("leadUnitId", q.unitId()), Filters.eq("coUnitIds", q.unitId())));
        }
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status()));
        }
        if (q.category() != null) {
            filters.add(Filters.eq("category", q.category()));
        }
        if (q.deputyId() != null) {
            filters.add(Filters.eq("proposers", q.deputyId()));
        }
        if (q.text() != null) {
            List<String> tokens = SearchTokens.query(q.text());
            if (tokens.isEmpty()) {
                return new ProposalPage(List.of(), null);
            }
            filters.add(Filters.all(TOKENS, tokens));
        }
        List<ProposalView> items = new ArrayList<>();
        ProposalOrder.Position after = q.cursor() == null ? null : PageCursor.decode(q.cursor(), order);
        ProposalOrder.Position lastItem = null;
        boolean more = false;
        while (true) {
            List<Bson> page = new ArrayList<>(filters);
            if (after != null) {
                page.add(order.after(after));
            }
            List<Document> docs = collection().find(page.isEmpty() ? new Document() : Filters.and(page))
                    .sort(order.sort()).limit(q.limit() + 1).into(new ArrayList<>());
            for (Document d : docs) {
                after = order.position(d);
                ProposalView v = fromDocument(d);
                if (q.text() == null || SearchTokens.contains(v, q.text())) {
                    if (items.size() == q.limit()) {
                        more = true;
                        break;
                    }
                    items.add(v);
                    lastItem = after;
                }
            }
            if (more || docs.size() <= q.limit()) {
                break;
            }
        }
        return new ProposalPage(items, more ? PageCursor.encode(order, lastItem) : null);
    }

    public void ensureIndexes() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        for (String field : FILTERED_FIELDS) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                    .named(field + "_id"));
        }
        // sorted lists, whole or of one session; a descending sort walks the same index backwards
        for (String key : ProposalOrder.sortedFields()) {
            indexes.createIndex(new Index().on(key, Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                    .named(key + "_id"));
            indexes.createIndex(new Index().on("sessionId", Sort.Direction.ASC).on(key, Sort.Direction.ASC)
                    .on("_id", Sort.Direction.ASC).named("sessionId_" + key + "_id"));
        }
    }

    public void drop() {
        mongo.dropCollection(COLLECTION);
    }
}
