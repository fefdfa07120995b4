package org.proposalledger.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The write buffers of one event batch. Handlers collect their changes here, keyed per
 * document, so a batch loads each touched document once and writes it once.
 * <p>
 * Flushed by {@link FlushAtEndOfBatch} after the batch's last event — before the processor
 * stores its token, which it does first thing in the prepare-commit phase. The prepare-commit
 * flush registered here is the fallback when the interceptor is absent (for example a
 * handler invoked in a plain unit of work); flushing twice writes nothing the second time.
 */
public final class ProjectionBatch {

    static final String RESOURCE_KEY = ProjectionBatch.class.getName();

    private final Map<String, Flushable> buffers = new LinkedHashMap<>();
    private Collection<String> aggregateIds;

    /** A part of the batch that writes its collected changes in one go. */
    public interface Flushable {
        void flush();
    }

    /** The batch of the unit of work in progress; the handler must run inside one. */
    public static ProjectionBatch current() {
        return of(CurrentUnitOfWork.get().root());
    }

    /** The batch bound to {@code unitOfWork}'s root, created on first use. */
    static ProjectionBatch of(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(RESOURCE_KEY, key -> {
            ProjectionBatch batch = new ProjectionBatch();
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    /** The batch's buffer called {@code name}, created on first use. */
    @SuppressWarnings("unchecked")
    public <B extends Flushable> B buffer(String name, Supplier<B> factory) {
        return (B) buffers.computeIfAbsent(name, n -> factory.get());
    }

    /**
     * The aggregate ids of every event of the batch, known when the batch starts (null when
     * unknown): buffers load their documents for all of them in one query instead of one
     * query per document.
     */
    public Collection<String> aggregateIds() {
        return aggregateIds;
    }

    void aggregateIds(Collection<String> ids) {
        this.aggregateIds = ids;
    }

    /** The names of the batch's buffers, in the order {@link #flush} writes them: the order they were created in. */
    public List<String> bufferNames() {
        return List.copyOf(buffers.keySet());
    }

    public void flush() {
        buffers.values().forEach(Flushable::flush);
    }

    /** Flushes the batch bound to {@code unitOfWork}'s root, if a handler started one. */
    static void flushIfStarted(UnitOfWork<?> unitOfWork) {
        ProjectionBatch batch = unitOfWork.root().getResource(RESOURCE_KEY);
        if (batch != null) {
            batch.flush();
        }
    }
}
