package org.proposalledger.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.proposalledger.query.projection.ProjectionBatch;

import java.util.List;
import java.util.function.Consumer;

/** Events handled as one processor batch, in one unit of work, with or without a crash between its writes. */
public final class OneBatch {

    private OneBatch() {
    }

    /**
     * Hands each of {@code events} to {@code handler} in one unit of work. {@code flushed} &lt; 0:
     * the batch completes (every buffer written); else the process dies after the batch's first
     * {@code flushed} buffers were written. Returns the batch's buffers in flush order.
     */
    public static <M extends EventMessage<?>> List<String> run(List<M> events, Consumer<M> handler, int flushed) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        events.forEach(handler);
        ProjectionBatch batch = ProjectionBatch.current();
        List<String> order = batch.bufferNames();
        if (flushed < 0) {
            unitOfWork.commit();
        } else {
            order.subList(0, flushed).forEach(name -> batch.bufferNamed(name).flush());
            unitOfWork.rollback();
        }
        return order;
    }
}
