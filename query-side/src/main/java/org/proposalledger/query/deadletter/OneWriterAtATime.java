package org.proposalledger.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.locks.ReentrantLock;

/**
 * For a processor whose documents have one writer (supervision: a unit's to-do list gathers many
 * proposals and is written whole): a batch of the processor and a retry of its dead letters never
 * run at once in this process. The lock is taken at a unit of work's first event and released when
 * the whole unit of work (the batch, or the retry of a proposal's letters) has ended. One instance
 * serves both the processor and its dead-letter retries.
 */
public final class OneWriterAtATime implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String HELD = OneWriterAtATime.class.getName();

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.getResource(HELD) == null) {
            lock.lockInterruptibly();
            root.resources().put(HELD, Boolean.TRUE);
            root.onCleanup(u -> lock.unlock());
        }
        return chain.proceed();
    }
}
