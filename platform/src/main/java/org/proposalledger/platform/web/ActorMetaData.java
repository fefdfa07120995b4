package org.proposalledger.platform.web;

import org.axonframework.messaging.MetaData;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.security.CurrentActor;

/**
 * The metadata every message the ledger sends carries: who acts, and the correlation id that
 * ties the request, its messages, its events and its log lines together. The one place it is
 * bound to the current request, for commands and queries alike; {@link Actor#metaData} builds it.
 */
public final class ActorMetaData {

    private ActorMetaData() {
    }

    /** The signed-in user under the current request's correlation id. */
    public static MetaData current() {
        return of(CurrentActor.get());
    }

    /** {@code actor} under the current request's correlation id (a new one outside a request). */
    public static MetaData of(Actor actor) {
        return of(actor, CorrelationIdFilter.current());
    }

    public static MetaData of(Actor actor, String correlationId) {
        return actor.metaData(correlationId);
    }
}
