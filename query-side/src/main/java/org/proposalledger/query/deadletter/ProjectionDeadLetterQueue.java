package org.proposalledger.query.deadletter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.proposalledger.query.projection.ProjectionBatch;

import javax.annotation.Nonnull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A read-model processor's dead letters: axon-mongo's {@link MongoSequencedDeadLetterQueue}
 * (collection {@code dead_letters}, beside the tokens), with what a store without transactions
 * needs so that the queue and the read models never disagree:
 * <ul>
 *   <li><b>Written with the batch.</b> A letter enqueued while a processor batch runs is held in
 *   the batch ({@link ProjectionBatch.Order#LAST}) and stored after the batch's read-model writes,
 *   before its token. Stored at once, as the plain Mongo queue does, a batch whose read-model
 *   write then failed would be re-delivered with the queue already holding its poison event: the
 *   same proposal's earlier events of that batch, whose writes were lost, would be parked
 *   <em>behind</em> it and applied after it. Stored this way a crash costs at most a re-delivery
 *   that parks the same events again.</li>
 *   <li><b>Each event once.</b> A re-delivered event that is already parked is not stored again.</li>
 *   <li><b>One look-up per batch.</b> Whether a proposal is parked is asked for every event; within
 *   a batch it is answered from the processor's parked proposals read once (one query), plus
 *   those the batch parks itself. Only retries remove proposals, so the set can only be too
 *   large: an event of a proposal drained during the batch is parked behind nothing, and the
 *   sweep ({@link DeadLetters#sweep}) retries it.</li>
 * </ul>
 * Outside a batch (a retry, the office's operations) every call goes straight to the store.
 */
public final class ProjectionDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    /** The fields axon-mongo's {@link DeadLetterEntry} stores them under. */
    static final String PROCESSING_GROUP = "processingGroup";
    static final String SEQUENCE = "sequenceIdentifier";
    static final String EVENT_ID = "message.eventIdentifier";

    private final String processingGroup;
    private final MongoSequencedDeadLetterQueue<EventMessage<?>> stored;
    private final MongoCollection<Document> collection;
    private final int maxSequences;
    private final int maxSequenceSize;
    private volatile Runnable changed = () -> {
    };

    public ProjectionDeadLetterQueue(String processingGroup, MongoSequencedDeadLetterQueue<EventMessage<?>> stored,
                                     MongoCollection<Document> collection, DeadLetterSettings settings) {
        this.processingGroup = processingGroup;
        this.stored = stored;
        this.collection = collection;
        this.maxSequences = settings.getMaxSequences();
        this.maxSequenceSize = settings.getMaxSequenceSize();
    }

    /** Called after letters were stored or removed (the counts are refreshed). */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }

    public String processingGroup() {
        return processingGroup;
    }

    /** The letters a processor batch has enqueued, stored when the batch's read models are. */
    private final class BatchLetters implements ProjectionBatch.Flushable {

        private Set<String> storedSequences;
        private final Map<String, List<DeadLetter<? extends EventMessage<?>>>> letters = new LinkedHashMap<>();

        boolean contains(String sequence) {
            if (letters.containsKey(sequence)) {
                return true;
            }
            if (storedSequences == null) {
                storedSequences = new HashSet<>();
                DeadLetterEntry.sequenceIdentifierIterator(collection, processingGroup).into(storedSequences);
            }
            return storedSequences.contains(sequence);
        }

        void add(String sequence, DeadLetter<? extends EventMessage<?>> letter) {
            boolean full;
            if (contains(sequence)) {
                long size = letters.getOrDefault(sequence, List.of()).size()
                        + (storedSequences.contains(sequence) ? stored.sequenceSize(sequence) : 0);
                full = size >= maxSequenceSize;
            } else {
                full = storedSequences.size() + countNew() >= maxSequences;
            }
            if (full) {
                // Axon's contract: the processor stops at this event, as it would without a queue
                throw new DeadLetterQueueOverflowException("No room left to park event "
                        + letter.message().getIdentifier() + " of " + sequence + " in " + processingGroup);
            }
            letters.computeIfAbsent(sequence, s -> new ArrayList<>()).add(letter);
        }

        private long countNew() {
            return letters.keySet().stream().filter(s -> !storedSequences.contains(s)).count();
        }

        @Override
        public void flush() {
            if (letters.isEmpty()) {
                return;
            }
            letters.forEach((sequence, list) -> list.forEach(letter -> store(sequence, letter)));
            letters.clear();
            storedSequences = null;
            changed.run();
        }
    }

    /** The letters of the processor batch in progress, or null outside one. */
    private BatchLetters batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?>)) {
            return null;
        }
        return ProjectionBatch.of(root).buffer(ProjectionBatch.Order.LAST, "dead-letters:" + processingGroup,
                BatchLetters::new);
    }

    private void store(String sequence, DeadLetter<? extends EventMessage<?>> letter) {
        boolean parkedAlready = collection.countDocuments(Filters.and(Filters.eq(PROCESSING_GROUP, processingGroup),
                Filters.eq(SEQUENCE, sequence), Filters.eq(EVENT_ID, letter.message().getIdentifier()))) > 0;
        if (!parkedAlready) {
            stored.enqueue(sequence, letter);
        }
    }

    private static String sequence(Object sequenceIdentifier) {
        // the processors sequence per aggregate: the identifier is the proposal's (or reference item's) id
        return sequenceIdentifier.toString();
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        BatchLetters batch = batch();
        if (batch != null) {
            batch.add(sequence(sequenceIdentifier), letter);
        } else {
            store(sequence(sequenceIdentifier), letter);
            changed.run();
        }
    }

    @Override
    public boolean enqueueIfPresent(@Nonnull Object sequenceIdentifier,
                                    @Nonnull Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        if (!contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    @Override
    public boolean contains(@Nonnull Object sequenceIdentifier) {
        BatchLetters batch = batch();
        return batch != null ? batch.contains(sequence(sequenceIdentifier)) : stored.contains(sequence(sequenceIdentifier));
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        stored.evict(letter);
        changed.run();
    }

    @Override
    public void requeue(@Nonnull DeadLetter<? extends EventMessage<?>> letter,
                        @Nonnull UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        stored.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(@Nonnull Object sequenceIdentifier) {
        return stored.deadLetterSequence(sequence(sequenceIdentifier));
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return stored.deadLetters();
    }

    @Override
    public boolean isFull(@Nonnull Object sequenceIdentifier) {
        return stored.isFull(sequence(sequenceIdentifier));
    }

    @Override
    public long size() {
        return stored.size();
    }

    @Override
    public long sequenceSize(@Nonnull Object sequenceIdentifier) {
        return stored.sequenceSize(sequence(sequenceIdentifier));
    }

    @Override
    public long amountOfSequences() {
        return stored.amountOfSequences();
    }

    @Override
    public boolean process(@Nonnull Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           @Nonnull Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        try {
            return stored.process(sequenceFilter, processingTask);
        } finally {
            changed.run();
        }
    }

    /** Empties the processor's queue: its read models are being rebuilt, which replays these events anyway. */
    @Override
    public void clear() {
        stored.clear();
        changed.run();
    }
}
