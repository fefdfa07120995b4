package org.proposalledger.query.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.proposalledger.platform.outage.OutageClassifier;
import org.proposalledger.platform.outage.Store;

/**
 * MongoDB (read models and processor tokens) is out of reach: no server selected within the
 * driver's time limit, a connection refused, broken or timed out, the connection pool cleared
 * after such a failure, or a replica set between primaries. Spring Data's translations of these
 * ({@code DataAccessResourceFailureException} …) keep them as their cause.
 */
final class ReadStoreOutages implements OutageClassifier {

    /** The driver logs, at INFO and without an exception, every operation that waits for a server. */
    static final String DRIVER_CLUSTER_LOG = "org.mongodb.driver.cluster";
    static final String WAITING_FOR_SERVER = "Waiting for server to become available";

    @Override
    public Store unreachable(Throwable failure) {
        return failure instanceof ReadStoreUnreachableException
                || failure instanceof MongoTimeoutException || failure instanceof MongoSocketException
                || failure instanceof MongoConnectionPoolClearedException
                || failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException
                ? Store.READ_STORE : null;
    }

    @Override
    public Store unreachableSaysLog(String logger, String message) {
        return DRIVER_CLUSTER_LOG.equals(logger) && message.startsWith(WAITING_FOR_SERVER) ? Store.READ_STORE : null;
    }
}
