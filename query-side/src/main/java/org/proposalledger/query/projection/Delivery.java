package org.proposalledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * An event as the processor delivered it, for a read model's re-delivery check: its id, what the
 * processor's token covers right after it ({@code token}, null when unknown, which skips the check)
 * and its global position when the token tells it ({@code position}, else -1: see
 * {@link Coverage#exactPosition}); {@code retried} for an event handled again from the dead-letter
 * queue, which runs outside its segment's batches and so is checked by its id.
 */
public record Delivery(String eventId, Coverage token, long position, boolean retried) {

    public Delivery(String eventId, Coverage token, long position) {
        this(eventId, token, position, false);
    }

    /** The processor's token after {@code message} (unwrapped from a replay token), and its position if the token tells it. */
    public static Delivery of(EventMessage<?> message) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        return new Delivery(message.getIdentifier(), Coverage.of(token), Coverage.exactPosition(token));
    }

    /** An event without a token: always counted. */
    public static Delivery untracked(String eventId) {
        return new Delivery(eventId, null, -1);
    }

    /** A dead-lettered event handled again from the dead-letter queue. */
    public static Delivery retried(String eventId) {
        return new Delivery(eventId, null, -1, true);
    }
}
