package org.proposalledger.platform.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts each aggregate event's chain hash into its metadata as it is published. The event bus
 * calls this once per unit of work with all its events, at prepare-commit, inside the
 * transaction that stores them — so the sequence numbers are final and the previous event is
 * either in the same batch, in the same unit of work, in a cache of committed links, or
 * already stored. Two processes appending the same sequence cannot both commit (the store's
 * unique key on aggregate and sequence), so the chain stays linear.
 */
public class ChainingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String PENDING = ChainingInterceptor.class.getName() + ".pending";
    private static final int CACHE_SIZE = 10_000;

    private final EventStore eventStore;
    private final Serializer serializer;
    private final Class<?> dataType;
    /** aggregate id → last committed link; only filled after commit, so a rolled-back hash never leaks. */
    private final Map<String, Committed> committed = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Committed> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    record Committed(long sequence, String hash) {
    }

    public ChainingInterceptor(EventStore eventStore, Serializer serializer, Class<?> dataType) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.dataType = dataType;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Committed> links = pendingLinks();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || event.getType() == null
                    || message.getMetaData().containsKey(EventChain.HASH)) {
                return message; // not an aggregate event, or chained already
            }
            String previous = previousHash(event, links);
            SerializedObject<?> payload = serializer.serialize(event.getPayload(), dataType);
            String hash = EventChain.hash(new EventChain.Link(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), payload.getType().getName(), payload.getType().getRevision(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), bytes(payload.getData()),
                    event.getMetaData(), previous));
            links.put(event.getAggregateIdentifier(), new Committed(event.getSequenceNumber(), hash));
            return event.andMetaData(Map.of(EventChain.HASH, hash, EventChain.PREVIOUS, previous));
        };
    }

    /** Links of this unit of work (or of this one publish call when there is none). */
    private Map<String, Committed> pendingLinks() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>(); // published and stored at once; the next call reads the store
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Map<String, Committed> links = new HashMap<>();
            root.afterCommit(u -> afterStoreCommit(() -> committed.putAll(links)));
            return links;
        });
    }

    /**
     * A unit of work that joined a longer transaction (a request with an Idempotency-Key runs in
     * one) has committed nothing yet when it says it has: cache its links only when that
     * transaction commits, and never when it rolls back.
     */
    private static void afterStoreCommit(Runnable cache) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.run();
                }
            });
        } else {
            cache.run();
        }
    }

    private String previousHash(DomainEventMessage<?> event, Map<String, Committed> links) {
        long wanted = event.getSequenceNumber() - 1;
        if (wanted < 0) {
            return EventChain.GENESIS;
        }
        String id = event.getAggregateIdentifier();
        Committed link = links.get(id);
        if (link == null || link.sequence() != wanted) {
            link = committed.get(id);
        }
        if (link != null && link.sequence() == wanted) {
            return link.hash();
        }
        DomainEventStream stored = eventStore.readEvents(id, wanted);
        while (stored.hasNext()) {
            DomainEventMessage<?> e = stored.next();
            if (e.getSequenceNumber() == wanted) {
                Object hash = e.getMetaData().get(EventChain.HASH);
                return hash == null ? EventChain.GENESIS : hash.toString(); // after unchained events: a new chain
            }
        }
        return EventChain.GENESIS;
    }

    private static byte[] bytes(Object data) {
        if (data instanceof byte[] b) {
            return b;
        }
        return data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
