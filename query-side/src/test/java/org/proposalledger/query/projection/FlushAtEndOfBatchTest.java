package org.proposalledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays what a streaming processor does with a batch — token store callback registered
 * first, then each event through the interceptors, then commit — and checks the read model
 * is written once, before the token.
 */
class FlushAtEndOfBatchTest {

    private final List<String> log = new ArrayList<>();

    /** Records how many changes each flush wrote. */
    private final class RecordingBuffer implements ProjectionBatch.Flushable {
        private int pending;

        void change() {
            pending++;
        }

        @Override
        public void flush() {
            if (pending > 0) {
                log.add("flush " + pending);
                pending = 0;
            }
        }
    }

    private ResultMessage<?> runBatch(int events, MessageHandler<EventMessage<?>> handler) {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(GenericEventMessage.asEventMessage("event " + i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.onPrepareCommit(u -> log.add("store token"));
        return unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new FlushAtEndOfBatch()), handler).proceed(), RollbackConfigurationType.ANY_THROWABLE);
    }

    @Test
    void aBatchIsWrittenOnceAndBeforeTheTokenIsStored() {
        runBatch(3, m -> {
            ProjectionBatch.current().buffer("docs", RecordingBuffer::new).change();
            return null;
        });

        assertThat(log).containsExactly("flush 3", "store token");
    }

    @Test
    void aBatchOfOneIsWrittenToo() {
        runBatch(1, m -> {
            ProjectionBatch.current().buffer("docs", RecordingBuffer::new).change();
            return null;
        });

        assertThat(log).containsExactly("flush 1", "store token");
    }

    @Test
    void aFailedWriteKeepsTheTokenWhereItWas() {
        ResultMessage<?> result = runBatch(2, m -> {
            ProjectionBatch.current().buffer("docs", () -> (ProjectionBatch.Flushable) () -> {
                throw new IllegalStateException("store unreachable");
            });
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(log).doesNotContain("store token");
    }

    @Test
    void withoutTheInterceptorThePrepareCommitFallbackStillWrites() {
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            ProjectionBatch.current().buffer("docs", RecordingBuffer::new).change();
            return null;
        });

        assertThat(log).containsExactly("flush 2");
    }

    /** Records each event's change; can take back the current event's. */
    private final class UndoableBuffer implements ProjectionBatch.Flushable, ProjectionBatch.Undoable {
        private final List<Object> changes = new ArrayList<>();
        private int marked;

        void change(Object c) {
            changes.add(c);
        }

        @Override
        public void mark() {
            marked = changes.size();
        }

        @Override
        public void undo() {
            changes.subList(marked, changes.size()).clear();
        }

        @Override
        public void flush() {
            if (!changes.isEmpty()) {
                log.add("flush " + changes);
                changes.clear();
            }
        }
    }

    @Test
    void aFailedEventsChangesAreTakenBackAndTheBatchsOtherEventsAreWritten() {
        // as the dead-lettering invoker runs a handler: its error handler sees the failure, then the
        // invoker parks the event and the batch goes on
        runBatch(3, m -> {
            ProjectionBatch.current().buffer("docs", UndoableBuffer::new).change(m.getPayload());
            if (m.getPayload().equals("event 1")) {
                try {
                    FlushAtEndOfBatch.rollbackThenPropagate().onError(new IllegalStateException("poison"), m, null);
                } catch (Exception parked) {
                    log.add("parked " + m.getPayload());
                }
            }
            return null;
        });

        assertThat(log).containsExactly("parked event 1", "flush [event 0, event 2]", "store token");
    }
}
