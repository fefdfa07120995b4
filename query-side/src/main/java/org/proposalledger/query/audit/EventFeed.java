package org.proposalledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.core.EventMeta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Serves the event store in global order through Axon's own tracking read — the same one the
 * projections use — so gaps left by transactions still open are remembered in the cursor and
 * their events served once they commit: every event exactly once, whenever the consumer comes
 * back. Filters (type, session) apply after reading; the cursor still moves past what they drop.
 */
@Component
public class EventFeed {

    public static final int MAX_LIMIT = 1000;
    /** At most this many events are looked at per page, so a narrow filter cannot make one request read the whole store. */
    static final int SCAN_LIMIT = 10_000;

    private final EventStore eventStore;
    private final ObjectProvider<EventStorageEngine> engine;
    private final DocumentMapper mapper;
    /** proposal id → session, learned from its events (a proposal's session is set when it is submitted). */
    private final Map<String, String> sessionOfProposal = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 100_000;
        }
    });
    private final Map<Class<?>, Optional<Method>> sessionAccessors = new ConcurrentHashMap<>();

    public EventFeed(EventStore eventStore, ObjectProvider<EventStorageEngine> engine, DocumentMapper mapper) {
        this.eventStore = eventStore;
        this.engine = engine;
        this.mapper = mapper;
    }

    public FeedPage read(String after, int limit, String type, String sessionId) {
        TrackingToken start = FeedCursor.decode(after);
        List<FeedPage.Event> out = new ArrayList<>();
        TrackingToken last = start;
        int scanned = 0;
        boolean caughtUp = true;
        try (Source source = open(start)) {
            while (true) {
                TrackedEventMessage<?> m = source.next();
                if (m == null) {
                    break;
                }
                last = m.trackingToken();
                scanned++;
                FeedPage.Event e = toEvent(m);
                if ((type == null || type.equals(e.type())) && (sessionId == null || sessionId.equals(e.sessionId()))) {
                    out.add(e);
                }
                if (out.size() >= limit || scanned >= SCAN_LIMIT) {
                    caughtUp = false;
                    break;
                }
            }
        }
        return new FeedPage(out, last == null ? after : FeedCursor.encode(last), caughtUp);
    }

    private FeedPage.Event toEvent(TrackedEventMessage<?> m) {
        Object payload = m.getPayload();
        EventMeta meta = EventMeta.of(m instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : -1,
                m.getTimestamp(), m.getMetaData());
        String aggregateType = null, aggregateId = null;
        Long sequence = null;
        if (m instanceof DomainEventMessage<?> d && d.getType() != null) {
            aggregateType = d.getType();
            aggregateId = d.getAggregateIdentifier();
            sequence = d.getSequenceNumber();
        }
        return new FeedPage.Event(m.getIdentifier(), payload == null ? null : payload.getClass().getSimpleName(),
                aggregateType, aggregateId, sequence, m.getTimestamp(), meta.actor(), meta.correlationId(),
                sessionOf(payload, sequence), payload == null ? Map.of() : mapper.toMap(payload));
    }

    /** The session an event belongs to: named in it, or (proposal events) the proposal's session. */
    private String sessionOf(Object payload, Long sequence) {
        if (payload == null) {
            return null;
        }
        String named = namedSession(payload);
        if (payload instanceof ProposalEvent p) {
            String proposal = p.proposalId().value();
            if (named != null) {
                sessionOfProposal.put(proposal, named);
                return named;
            }
            String known = sessionOfProposal.get(proposal);
            if (known == null) {
                known = sessionFromStore(proposal);
                if (known != null) {
                    sessionOfProposal.put(proposal, known);
                }
            }
            return known;
        }
        return named;
    }

    private String sessionFromStore(String proposalId) {
        DomainEventStream events = eventStore.readEvents(proposalId, 0); // every event, never a snapshot
        String session = null;
        while (events.hasNext()) {
            String named = namedSession(events.next().getPayload());
            if (named != null) {
                session = named;
            }
        }
        return session;
    }

    private String namedSession(Object payload) {
        Optional<Method> accessor = sessionAccessors.computeIfAbsent(payload.getClass(), c -> {
            try {
                Method method = c.getMethod("sessionId");
                return method.getReturnType() == SessionId.class ? Optional.of(method) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            Object value = accessor.get().invoke(payload);
            return value == null ? null : ((SessionId) value).value();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The JDBC engine read directly (no threads); any other store (Axon Server) through its stream. */
    private Source open(TrackingToken start) {
        EventStorageEngine storage = engine.getIfAvailable();
        if (storage != null) {
            Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(start, false);
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            return new Source() {
                public TrackedEventMessage<?> next() {
                    return it.hasNext() ? it.next() : null;
                }

                public void close() {
                    stream.close();
                }
            };
        }
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start);
        return new Source() {
            public TrackedEventMessage<?> next() {
                try {
                    return stream.hasNextAvailable(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                            ? stream.nextAvailable() : null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }

            public void close() {
                stream.close();
            }
        };
    }

    private interface Source extends AutoCloseable {
        TrackedEventMessage<?> next();

        @Override
        void close();
    }
}
