package org.proposalledger.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.security.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the real event store the way aggregates would: per aggregate, sequence
 * numbers from 0, with actor and correlation id in the metadata. Timestamps advance by one
 * second per event from a fixed instant, so tests can name them exactly.
 */
public final class EventLog {

    public static final Instant START = Instant.parse("2022-03-01T01:02:03.456Z");

    private final EventStore store;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant clock = START;

    public EventLog(EventStore store) {
        this.store = store;
    }

    /** Moves the clock: the next event is stamped one second after {@code instant}. */
    public EventLog at(Instant instant) {
        clock = instant;
        return this;
    }

    /** Appends the events of one proposal, in order, in one transaction. */
    public List<DomainEventMessage<?>> proposal(Actor actor, String correlationId, ProposalEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (ProposalEvent event : events) {
            messages.add(message("Proposal", event.proposalId().value(), event, actor, correlationId));
        }
        store.publish(messages);
        return messages;
    }

    /** Appends one event of any aggregate. */
    public DomainEventMessage<?> append(String aggregateType, String aggregateId, Object payload, Actor actor) {
        DomainEventMessage<?> message = message(aggregateType, aggregateId, payload, actor, "c-" + aggregateId);
        store.publish(message);
        return message;
    }

    /** Prepares (does not append) the next event of an aggregate, for publishing in bulk. */
    public DomainEventMessage<?> message(String aggregateType, String aggregateId, Object payload, Actor actor,
                                         String correlationId) {
        long seq = nextSequence.merge(aggregateType + "/" + aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(1);
        MetaData metaData = MetaData.from(actor.toMetaData()).and(Actor.CORRELATION_ID, correlationId);
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload, metaData,
                UUID.randomUUID().toString(), clock);
    }

    public void publish(List<DomainEventMessage<?>> messages) {
        store.publish(messages);
    }
}
