package org.proposalledger.query.reference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.DeputyUpdated;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.HandlingUnitUpdated;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * Names for the ids in proposals: {@code sessions}, {@code units} and {@code deputies}, one
 * document per {@code _id} with the fields of the latest Registered/Updated event and its
 * sequence as {@code version}.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ReferenceDataProjection {

    public static final String SESSIONS = "sessions";
    public static final String UNITS = "units";
    public static final String DEPUTIES = "deputies";

    private final MongoTemplate mongo;
    private final DocumentMapper mapper;

    public ReferenceDataProjection(MongoTemplate mongo, DocumentMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @EventHandler
    public void on(CongressSessionRegistered e, EventMessage<?> m) {
        record(SESSIONS, e.sessionId().value(), e, "sessionId", m);
    }

    @EventHandler
    public void on(CongressSessionUpdated e, EventMessage<?> m) {
        record(SESSIONS, e.sessionId().value(), e, "sessionId", m);
    }

    @EventHandler
    public void on(HandlingUnitRegistered e, EventMessage<?> m) {
        record(UNITS, e.unitId().value(), e, "unitId", m);
    }

    @EventHandler
    public void on(HandlingUnitUpdated e, EventMessage<?> m) {
        record(UNITS, e.unitId().value(), e, "unitId", m);
    }

    @EventHandler
    public void on(DeputyRegistered e, EventMessage<?> m) {
        record(DEPUTIES, e.deputyId().value(), e, "deputyId", m);
    }

    @EventHandler
    public void on(DeputyUpdated e, EventMessage<?> m) {
        record(DEPUTIES, e.deputyId().value(), e, "deputyId", m);
    }

    /** Both event kinds carry the full record, so the latest one simply replaces the document. */
    private void record(String collection, String id, Object event, String idField, EventMessage<?> message) {
        Long sequence = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
        DocumentBuffer<Document> buffer = ProjectionBatch.current().buffer(collection,
                () -> new DocumentBuffer<>(mongo.getCollection(collection), Function.identity(), Function.identity()));
        Document current = buffer.get(id);
        if (sequence != null && current != null && current.get("version") instanceof Number applied
                && sequence <= applied.longValue()) {
            return; // re-delivered
        }
        Document next = new Document(mapper.toMap(event));
        next.remove(idField);
        next.put("version", sequence);
        buffer.put(id, next);
    }

    @ResetHandler
    public void reset() {
        List.of(SESSIONS, UNITS, DEPUTIES).forEach(mongo::dropCollection);
    }
}
