package org.proposalledger.query.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process server speaking the MongoDB wire protocol, its data in one H2 MVStore file,
 * reachable only from this machine on a port picked at start.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;
    private final MVStore store;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, Path file, MVStore store) {
        this.server = server;
        this.address = address;
        this.file = file;
        this.store = store;
    }

    /** Opens (or creates) {@code file} and listens on 127.0.0.1 on a free port. */
    public static EmbeddedMongo start(Path file) {
        return start(file, false, ReadModelSettings.DEFAULT_CACHE_MB);
    }

    /**
     * Like {@link #start(Path)}, with a page cache of {@code cacheMegabytes} (as MVStore estimates
     * it) for the H2 backend; with {@code inMemory} the documents live in memory only and
     * {@code file} is not used. The H2 backend stores each document and each index key with
     * Java serialization (it compares index keys by serializing them), so it does a few
     * thousand writes a second; the memory backend does tens of thousands, at the price of
     * starting empty every time (the projections then rebuild from the event store).
     */
    public static EmbeddedMongo start(Path file, boolean inMemory, int cacheMegabytes) {
        if (inMemory) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            log.info("Embedded read-model store on {} (in memory: rebuilt from the event store at each start)", address);
            return new EmbeddedMongo(server, address, null, null);
        }
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create read-model folder " + absolute.getParent(), e);
        }
        // fails fast if another process has the file open (MVStore locks it)
        MVStore store = new MVStore.Builder().fileName(absolute.toString()).cacheSize(cacheMegabytes).open();
        MongoServer server = new MongoServer(new PinnedVersionH2Backend(store));
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded read-model store on {} ({}, page cache {} MB)", address, absolute, cacheMegabytes);
        return new EmbeddedMongo(server, address, absolute, store);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** The H2 file's page cache in MB; 0 when the documents are kept in memory. */
    public int pageCacheMegabytes() {
        return store == null ? 0 : store.getCacheSize();
    }

    /** The store's file; null when it keeps documents in memory. */
    public Path file() {
        return file;
    }

    /** Closes client connections still open, then the store (which writes its last changes). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
