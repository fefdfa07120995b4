package org.proposalledger.platform.web;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.security.CurrentActor;

import java.util.concurrent.CompletionException;

/**
 * Sends a query as the signed-in user, with the request's correlation id, and waits for the
 * answer: the query-side twin of {@link Commands}. Every HTTP read goes through here, so HTTP
 * and Axon-based callers are served by the same handlers and the same visibility rules. A
 * handler's exception (a {@code ReadRefusedException}, a store out of reach) comes back as
 * itself, not wrapped in the future's {@link CompletionException}.
 */
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R ask(Object query, Class<R> type) {
        return ask(query, ResponseTypes.instanceOf(type));
    }

    public <R> R ask(Object query, ResponseType<R> type) {
        return askAs(CurrentActor.get(), query, type);
    }

    public <R> R askAs(Actor actor, Object query, ResponseType<R> type) {
        try {
            return gateway.query(new GenericMessage<>(query, ActorMetaData.of(actor)), type).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A subscription query as the signed-in user: its answer now, then each update; the caller closes it. */
    public <I, U> SubscriptionQueryResult<I, U> subscribe(Object query, Class<I> initial, Class<U> update) {
        MetaData metaData = ActorMetaData.current();
        return gateway.subscriptionQuery(new GenericMessage<>(query, metaData),
                ResponseTypes.instanceOf(initial), ResponseTypes.instanceOf(update));
    }
}
