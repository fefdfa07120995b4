package org.proposalledger.query.supervision;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.proposalledger.query.projection.ProjectionBatch.Order.DERIVED;

/**
 * {@code unit_todo} (one document per unit, {@code _id} = unit id) and {@code session_supervision}
 * (one per session, {@code _id} = session id): every query reads a single document by {@code _id}.
 */
@Component
public class SupervisionStore {

    public static final String UNIT_TODO = "unit_todo";
    public static final String SESSION_BOARD = "session_supervision";

    private final MongoTemplate mongo;
    private final DocumentMapper mapper;

    public SupervisionStore(MongoTemplate mongo, DocumentMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    public Supervision.UnitTodo unitTodo(String unitId) {
        Document doc = collection(UNIT_TODO).find(Filters.eq("_id", unitId)).first();
        return doc == null ? null : mapper.fromDocument(doc, "unitId", Supervision.UnitTodo.class);
    }

    public Supervision.SessionBoard board(String sessionId) {
        Document doc = collection(SESSION_BOARD).find(Filters.eq("_id", sessionId)).first();
        return doc == null ? null : mapper.fromDocument(doc, "sessionId", Supervision.SessionBoard.class);
    }

    /** Derived from the proposals' views ({@code supervision_proposals}): written before them. */
    DocumentBuffer<Supervision.UnitTodo> unitBuffer() {
        return ProjectionBatch.current().buffer(DERIVED, UNIT_TODO, () -> new DocumentBuffer<>(collection(UNIT_TODO),
                d -> mapper.fromDocument(d, "unitId", Supervision.UnitTodo.class),
                t -> mapper.toDocument(t, "unitId")));
    }

    DocumentBuffer<Supervision.SessionBoard> boardBuffer() {
        return ProjectionBatch.current().buffer(DERIVED, SESSION_BOARD, () -> new DocumentBuffer<>(collection(SESSION_BOARD),
                d -> mapper.fromDocument(d, "sessionId", Supervision.SessionBoard.class),
                b -> mapper.toDocument(b, "sessionId")));
    }

    public void drop() {
        mongo.dropCollection(UNIT_TODO);
        mongo.dropCollection(SESSION_BOARD);
    }
}
