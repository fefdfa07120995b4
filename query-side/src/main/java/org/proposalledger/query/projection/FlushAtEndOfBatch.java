package org.proposalledger.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes a batch's read-model changes right after its last event was handled, while the unit
 * of work is still processing. Streaming processors store their token in the first
 * prepare-commit callback, ahead of anything a handler registers, and the token store
 * (MongoDB) is not in the batch's transaction: flushing here keeps "read model written, then
 * token stored", so a crash or a failed write re-delivers events instead of losing them.
 * <p>
 * Each event starts a new undo mark in the batch's buffers ({@link ProjectionBatch#beginEvent});
 * a failure that comes through here takes the event's changes back before it is passed on (a
 * dead letter being retried: its own unit of work then rolls back). In a live batch the
 * dead-lettering invoker catches handler failures before they get here; its error handler
 * ({@link #rollbackThenPropagate}) takes the changes back instead.
 */
public class FlushAtEndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root instanceof BatchingUnitOfWork<?> batch && ProjectionBatch.of(root).aggregateIds() == null) {
            Set<String> ids = new LinkedHashSet<>();
            for (Object m : batch.getMessages()) {
                if (m instanceof DomainEventMessage<?> domain) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
            ProjectionBatch.of(root).aggregateIds(ids);
        }
        ProjectionBatch.of(root).beginEvent();
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception | Error e) {
            ProjectionBatch.of(root).rollbackEvent();
            throw e;
        }
        boolean last = !(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage(unitOfWork.getMessage());
        if (last) {
            ProjectionBatch.flushIfStarted(root);
        }
        return result;
    }

    /**
     * The error handler for the handlers of a dead-lettering invoker: takes the failed event's
     * changes back from the batch, then lets the invoker see the failure (and dead-letter the event).
     */
    public static org.axonframework.eventhandling.ListenerInvocationErrorHandler rollbackThenPropagate() {
        return (exception, event, handler) -> {
            ProjectionBatch.rollbackCurrentEvent();
            throw exception;
        };
    }
}
