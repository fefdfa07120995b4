package org.proposalledger.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;

import java.util.List;

/**
 * A read refused without waiting because the MongoDB driver already knows the read store is out
 * of reach: every server it knows has failed its last check. Waiting for the driver's server
 * selection would only give the same answer later. Read as {@code read-store-unavailable}.
 */
public class ReadStoreUnreachableException extends RuntimeException {

    ReadStoreUnreachableException(Throwable lastFailure) {
        super("The read-model store is out of reach (its last check failed); refused without waiting", lastFailure);
    }

    /**
     * Throws when every server of {@code client}'s cluster failed its last check (before the first
     * check, or once one answers again, requests go to the driver as usual; its monitor keeps checking).
     */
    public static void refuseWhileUnreachable(MongoClient client) {
        List<ServerDescription> servers = client.getClusterDescription().getServerDescriptions();
        if (servers.isEmpty()) {
            return;
        }
        Throwable last = null;
        for (ServerDescription s : servers) {
            if (s.isOk() || s.getException() == null) {
                return;
            }
            last = s.getException();
        }
        throw new ReadStoreUnreachableException(last);
    }
}
