package org.proposalledger.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The read store as a separate process: {@link ReadStoreServer} (mongo-java-server, H2 backend on
 * a file) in a JVM of its own, started with the test's class path on a fixed loopback port, so
 * that it can be killed ({@code SIGKILL}, as in a crash) and started again where the ledger's
 * driver expects it, on the same file.
 */
final class ReadStoreProcess implements AutoCloseable {

    private final Path file;
    private final Path log;
    private final int port;
    private Process process;

    ReadStoreProcess(Path dir) throws IOException {
        this.file = dir.resolve("readstore.mv");
        this.log = dir.resolve("readstore.log");
        this.port = PrivatePostgres.freePort();
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/ledger";
    }

    synchronized void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(log, "");
        process = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ReadStoreServer.class.getName(), file.toString(),
                String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!started.isAlive()) {
                throw new AssertionError("read store exited " + started.exitValue() + ": " + Files.readString(log));
            }
            return Files.readString(log).contains(ReadStoreServer.READY);
        });
    }

    /** Kills the process outright and returns once it is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("read store did not die");
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
