package org.proposalledger.query.mongo;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend with each command registered with MVStore as a reader of the
 * store version it started on, the way H2's own transactions do. The server reads a collection
 * through one version of its map without telling the store, so the background compaction could
 * free a chunk such a read still needed: a scan outlasting the retention time (a count over a
 * million documents did) failed with {@code Chunk … not found}. A registered version keeps
 * every chunk it references until the command is over.
 */
final class PinnedVersionH2Backend extends H2Backend {

    private final MVStore store;

    PinnedVersionH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }
}
