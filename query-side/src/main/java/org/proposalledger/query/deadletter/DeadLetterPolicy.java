package org.proposalledger.query.deadletter;

import com.mongodb.MongoException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures park an event, for both read-model processors.
 * <p>
 * A failure of the handler itself (a fold that cannot apply the event, a value it cannot map) is
 * the event's own: it is parked with its cause, and the proposal's later events behind it.
 * A store that cannot be reached is nobody's event: parking would fill the queue with every event
 * of the outage. In a processor batch such a failure is thrown on, so the batch fails and is
 * retried as a whole once the store answers — what the processors did before they had a queue.
 * In a retry the letter is kept (requeued) with that cause: dropping it would lose the event.
 * <p>
 * Every decision counts the attempts in the letter's diagnostics ({@value #ATTEMPTS}) and clears a
 * pending retry request ({@value #RETRY_REQUESTED}).
 */
public final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics: how often handling the event failed (1 when parked). */
    public static final String ATTEMPTS = "attempts";
    /** Diagnostics: the office asked for a retry that the process holding the segment is to run. */
    public static final String RETRY_REQUESTED = "retryRequested";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isUnreachableStore(cause) && inProcessorBatch()) {
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
        long attempts = attempts(letter) + 1;
        return Decisions.enqueue(ThrowableCause.truncated(cause),
                l -> l.diagnostics().withoutKeys(Set.of(RETRY_REQUESTED)).and(ATTEMPTS, attempts));
    }

    public static long attempts(DeadLetter<?> letter) {
        Object n = letter.diagnostics().get(ATTEMPTS);
        return n instanceof Number number ? number.longValue() : 0;
    }

    public static boolean retryRequested(DeadLetter<?> letter) {
        return Boolean.TRUE.equals(letter.diagnostics().get(RETRY_REQUESTED));
    }

    static MetaData requestRetry(MetaData diagnostics) {
        return diagnostics.and(RETRY_REQUESTED, true);
    }

    private static boolean inProcessorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>;
    }

    /** The read-model store or the event store (the counters' position look-up) did not answer. */
    static boolean isUnreachableStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
