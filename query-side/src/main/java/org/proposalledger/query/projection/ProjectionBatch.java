package org.proposalledger.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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
 * <p>
 * One event's changes can be taken back: {@link FlushAtEndOfBatch} marks where each event starts
 * ({@link #beginEvent}) and a handler failure undoes every change made since
 * ({@link #rollbackEvent}), so an event that goes to the dead-letter queue leaves nothing half
 * applied in the batch while the batch's other events are still written.
 */
public final class ProjectionBatch {

    static final String RESOURCE_KEY = ProjectionBatch.class.getName();

    /**
     * When a buffer is written in the batch's flush: every buffer of an earlier order before any of
     * a later one, whatever the order they were created in; within one order, in creation order.
     */
    public enum Order {
        /**
         * Documents derived from the changes of another read model's documents (the dashboard
         * counters and the supervision documents, from the proposal before and after an event):
         * written first, so that a process dying before the source documents are written finds the
         * old ones again when the events are re-delivered, and derives the same changes.
         */
        DERIVED,
        /** The read models' own documents. */
        VIEW,
        /** What may only be stored once the read models it depends on are (the dead letters). */
        LAST
    }

    private final Map<Order, Map<String, Flushable>> buffers = new EnumMap<>(Order.class);
    private Collection<String> aggregateIds;

    private ProjectionBatch() {
        for (Order order : Order.values()) {
            buffers.put(order, new LinkedHashMap<>());
        }
    }

    /** A part of the batch that writes its collected changes in one go. */
    public interface Flushable {
        void flush();
    }

    /** A buffer that can take back the changes made since the current event started. */
    public interface Undoable {

        /** The current event starts here: forget what earlier events would need to undo. */
        void mark();

        /** Takes back every change since {@link #mark}. */
        void undo();
    }

    /** The batch of the unit of work in progress; the handler must run inside one. */
    public static ProjectionBatch current() {
        return of(CurrentUnitOfWork.get().root());
    }

    /** The batch bound to {@code unitOfWork}'s root, created on first use. */
    public static ProjectionBatch of(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(RESOURCE_KEY, key -> {
            ProjectionBatch batch = new ProjectionBatch();
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    /** The batch's read-model buffer called {@code name} ({@link Order#VIEW}), created on first use. */
    public <B extends Flushable> B buffer(String name, Supplier<B> factory) {
        return buffer(Order.VIEW, name, factory);
    }

    /**
     * The batch's buffer called {@code name}, created on first use and written at {@code order}.
     * A name belongs to one order: asking for it at another is a programming error.
     */
    @SuppressWarnings("unchecked")
    public <B extends Flushable> B buffer(Order order, String name, Supplier<B> factory) {
        Flushable existing = bufferNamed(name);
        if (existing != null && !buffers.get(order).containsKey(name)) {
            throw new IllegalStateException("buffer " + name + " is not written at " + order);
        }
        return (B) buffers.get(order).computeIfAbsent(name, n -> markedOnCreation(factory.get()));
    }

    /** The batch's buffer called {@code name} whatever its order, null when it has none. */
    public Flushable bufferNamed(String name) {
        for (Map<String, Flushable> ordered : buffers.values()) {
            if (ordered.containsKey(name)) {
                return ordered.get(name);
            }
        }
        return null;
    }

    private static <B extends Flushable> B markedOnCreation(B buffer) {
        if (buffer instanceof Undoable undoable) {
            undoable.mark();
        }
        return buffer;
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

    /** The names of the batch's buffers, in the order {@link #flush} writes them (see {@link Order}). */
    public List<String> bufferNames() {
        List<String> names = new ArrayList<>();
        buffers.values().forEach(b -> names.addAll(b.keySet()));
        return List.copyOf(names);
    }

    /** An event starts: its changes are the ones {@link #rollbackEvent} would take back. */
    public void beginEvent() {
        forEachUndoable(Undoable::mark);
    }

    /** Takes back the changes of the event in progress, in every buffer. */
    public void rollbackEvent() {
        forEachUndoable(Undoable::undo);
    }

    private void forEachUndoable(java.util.function.Consumer<Undoable> action) {
        for (Map<String, Flushable> ordered : buffers.values()) {
            for (Flushable b : ordered.values()) {
                if (b instanceof Undoable u) {
                    action.accept(u);
                }
            }
        }
    }

    /** Takes back the current event's changes in the batch of the unit of work in progress, if it has one. */
    public static void rollbackCurrentEvent() {
        if (CurrentUnitOfWork.isStarted()) {
            ProjectionBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE_KEY);
            if (batch != null) {
                batch.rollbackEvent();
            }
        }
    }

    public void flush() {
        buffers.values().forEach(ordered -> ordered.values().forEach(Flushable::flush));
    }

    /** Flushes the batch bound to {@code unitOfWork}'s root, if a handler started one. */
    static void flushIfStarted(UnitOfWork<?> unitOfWork) {
        ProjectionBatch batch = unitOfWork.root().getResource(RESOURCE_KEY);
        if (batch != null) {
            batch.flush();
        }
    }
}
