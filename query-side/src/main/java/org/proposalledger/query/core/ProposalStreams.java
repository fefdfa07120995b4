package org.proposalledger.query.core;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.springframework.stereotype.Component;

/**
 * The one place a proposal's stream is read back from the event store (history, point in time,
 * chain verification): its events by aggregate id, upcast to today's shapes, from the first one —
 * never a snapshot, so one read of the stream (and one wait, not two, when the store is away) —
 * folded by {@link ProposalFold}, the same code that builds the read model.
 */
@Component
public class ProposalStreams {

    private final EventStore eventStore;
    private final ProposalFold fold = new ProposalFold();

    public ProposalStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** What a reader is told of each of the proposal's events, in stream order. */
    @FunctionalInterface
    public interface Step {

        /** {@code after}: the proposal as it stood once {@code event} was applied. */
        void accept(ProposalEvent event, EventMeta meta, ProposalView after);
    }

    /**
     * Folds the proposal's events, telling {@code step} each one; returns the proposal as it stands
     * (null when it has no events). Events of another aggregate's stream (reference data shares the
     * key space) are skipped.
     */
    public ProposalView read(String proposalId, Step step) {
        ProposalView now = null;
        DomainEventStream events = eventStore.readEvents(proposalId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> e = events.next();
            if (!(e.getPayload() instanceof ProposalEvent event)) {
                continue;
            }
            EventMeta meta = EventMeta.of(e.getSequenceNumber(), e.getTimestamp(), e.getMetaData());
            now = fold.apply(now, event, meta);
            step.accept(event, meta, now);
        }
        return now;
    }

    /** The proposal as it stands, folded from its events; null when it has none. */
    public ProposalView current(String proposalId) {
        return read(proposalId, (event, meta, after) -> {
        });
    }
}
