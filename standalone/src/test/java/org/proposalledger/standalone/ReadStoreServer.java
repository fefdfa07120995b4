package org.proposalledger.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.util.concurrent.CountDownLatch;

/**
 * The read store as a process of its own: mongo-java-server with its H2 backend on a file, so
 * what it holds survives its own restart. Arguments: the file and the loopback port. Prints
 * {@code listening} once it accepts connections and runs until it is killed.
 */
public final class ReadStoreServer {

    public static final String READY = "listening";

    private ReadStoreServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new H2Backend(args[0]));
        server.bind("127.0.0.1", Integer.parseInt(args[1]));
        // a stop (SIGTERM) closes the file cleanly; SIGKILL is what an outage test mostly sends
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
