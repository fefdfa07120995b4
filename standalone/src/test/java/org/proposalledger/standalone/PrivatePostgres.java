package org.proposalledger.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own — never the machine's shared one: {@code initdb} into a
 * temporary folder, its own free loopback port, started and stopped with {@code pg_ctl} from
 * {@link #BIN}. A stop is {@code -m immediate} (the server quits at once, as in a crash; the next
 * start recovers from its write-ahead log). PostgreSQL refuses to run as root, so under root the
 * binaries run as the user {@code postgres} (else {@code nobody}), which then owns the folder.
 */
final class PrivatePostgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String USER = "postgres";

    private final Path dir;
    private final Path data;
    private final int port;
    private final List<String> asServerUser;
    private final Thread stopAtExit;
    private boolean running;

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    private PrivatePostgres(Path dir, int port, List<String> asServerUser) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asServerUser = asServerUser;
        // a test JVM that dies must not leave a server behind
        this.stopAtExit = new Thread(this::stopQuietly, "stop-private-postgres");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** A fresh cluster, initialised and started; database {@code postgres}, user {@value #USER}, trust auth. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ledger-pg-");
        List<String> as = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String owner = userExists(USER) ? USER : "nobody";
            UserPrincipal principal = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
            Files.setOwner(dir, principal);
            as = List.of("runuser", "-u", owner, "--");
        }
        PrivatePostgres pg = new PrivatePostgres(dir, freePort(), as);
        pg.run(BIN.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
        pg.startServer();
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** Starts the server on its port and returns once it accepts connections. */
    synchronized void startServer() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        running = true;
    }

    /** Stops the server at once (every backend quits, nothing is checkpointed) and returns when it is gone. */
    synchronized void stopServer() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        running = false;
    }

    @Override
    public void close() throws IOException {
        stopQuietly();
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private synchronized void stopQuietly() {
        if (running) {
            try {
                stopServer();
            } catch (IOException | InterruptedException | AssertionError e) {
                // the server is gone already, or the JVM is on its way out
            }
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(asServerUser);
        line.addAll(List.of(command));
        Path out = dir.resolve("pg_ctl.out");
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", line) + " did not finish: " + Files.readString(out));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", line) + " failed (" + p.exitValue() + "): " + Files.readString(out));
        }
    }

    private static boolean userExists(String name) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.anyMatch(l -> l.startsWith(name + ":"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
