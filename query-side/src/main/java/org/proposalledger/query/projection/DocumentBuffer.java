package org.proposalledger.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One collection's share of a batch: each touched document is read by {@code _id} once,
 * changed in memory by every event of the batch, and written back in one unordered bulk
 * write. The embedded server does a few thousand document writes a second, so writing once
 * per document instead of once per event is what makes replays fast.
 *
 * @param <T> the in-memory form of a document
 */
public final class DocumentBuffer<T> implements ProjectionBatch.Flushable, ProjectionBatch.Undoable {

    private final MongoCollection<Document> collection;
    private final Function<Document, T> reader;
    private final Function<T, Document> writer;
    private static final int LOAD_CHUNK = 1000;

    private final Map<String, Optional<T>> state = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private Collection<String> expected;
    /** What each document put since the current event started was before it (see {@link #undo}). */
    private final Map<String, Before<T>> undo = new HashMap<>();

    /** A document's entry before the current event changed it; {@code state} null: not read yet. */
    private record Before<T>(Optional<T> state, boolean dirty) {
    }

    public DocumentBuffer(MongoCollection<Document> collection, Function<Document, T> reader,
                          Function<T, Document> writer) {
        this(collection, reader, writer, List.of());
    }

    /**
     * {@code expected}: ids the batch will probably ask for (the batch's aggregate ids); they
     * are read in one query at the first {@link #get}. Others are read one by one.
     */
    public DocumentBuffer(MongoCollection<Document> collection, Function<Document, T> reader,
                          Function<T, Document> writer, Collection<String> expected) {
        this.collection = collection;
        this.reader = reader;
        this.writer = writer;
        this.expected = expected == null ? List.of() : expected;
    }

    /** The document as this batch sees it, or null when it does not exist yet. */
    public T get(String id) {
        if (!expected.isEmpty() && !state.containsKey(id) && expected.contains(id)) {
            loadExpected();
        }
        return state.computeIfAbsent(id, k ->
                Optional.ofNullable(collection.find(Filters.eq("_id", k)).first()).map(reader)).orElse(null);
    }

    private void loadExpected() {
        List<String> ids = expected.stream().filter(i -> !state.containsKey(i)).toList();
        expected = List.of();
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            chunk.forEach(i -> state.put(i, Optional.empty()));
            for (Document doc : collection.find(Filters.in("_id", chunk))) {
                state.put(doc.get("_id").toString(), Optional.of(reader.apply(doc)));
            }
        }
    }

    public void put(String id, T value) {
        undo.computeIfAbsent(id, k -> new Before<>(state.get(k), dirty.contains(k)));
        state.put(id, Optional.of(value));
        dirty.add(id);
    }

    /** Number of documents the next flush would write. */
    public int pending() {
        return dirty.size();
    }

    @Override
    public void mark() {
        undo.clear();
    }

    @Override
    public void undo() {
        undo.forEach((id, before) -> {
            if (before.state() == null) {
                state.remove(id);
            } else {
                state.put(id, before.state());
            }
            if (!before.dirty()) {
                dirty.remove(id);
            }
        });
        undo.clear();
    }

    @Override
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        for (String id : dirty) {
            Document doc = writer.apply(state.get(id).orElseThrow());
            doc.put("_id", id);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        dirty.clear();
        undo.clear();
    }
}
