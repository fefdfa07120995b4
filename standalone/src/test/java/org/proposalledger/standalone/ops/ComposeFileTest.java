package org.proposalledger.standalone.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The root {@code docker-compose.yml} as Docker Compose reads it: Debian's {@code docker-compose}
 * validates it ({@code config -q}) and prints it resolved ({@code config}), and the facts the
 * topology depends on are checked on that output. No Docker engine is needed, and no container is
 * started. Without the binary the test is skipped, except under CI ({@code CI=true}), where
 * {@code .ci/run} installs it and its absence is a failure.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String COMPOSE = "docker-compose";

    static Map<String, Object> config;

    @BeforeAll
    static void parse() throws Exception {
        boolean available = onPath(COMPOSE);
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(COMPOSE + " is missing; .ci/run installs it");
        }
        assumeTrue(available, COMPOSE + " is not installed (apt-get install docker-compose); compose file not parsed");
        Result validated = run(COMPOSE, "-f", "docker-compose.yml", "config", "-q");
        assertThat(validated.exit()).as("docker-compose config -q: %s", validated.output()).isZero();
        Result resolved = run(COMPOSE, "-f", "docker-compose.yml", "config");
        assertThat(resolved.exit()).as(resolved.output()).isZero();
        config = new Yaml().load(resolved.output());
    }

    @Test
    void runsAxonServerMongoAndBothSides() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("axonserver", "mongo", "command-side", "query-side");
        assertThat((String) service("axonserver").get("image")).startsWith("axoniq/axonserver:");
        assertThat(healthTest("axonserver")).contains("http://localhost:8024/actuator/health");
    }

    @Test
    void mongoIsASingleNodeReplicaSetInitialisedByTheFileItself() {
        assertThat(strings(service("mongo").get("command"))).containsSubsequence("--replSet", "rs0");
        String check = healthTest("mongo");
        assertThat(check).contains("rs.initiate(").contains("_id: 'rs0'").contains("host: 'mongo:27017'")
                // idempotent: initiate only when rs.status() says there is no replica set yet
                .contains("try { rs.status() } catch")
                .contains("isWritablePrimary");
    }

    @Test
    void bothSidesAreBuiltHereAndRunOnAxonServer() {
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> s = service(side);
            Map<String, Object> build = map(s.get("build"));
            assertThat(Path.of((String) build.get("context"))).isEqualTo(ROOT);
            assertThat(build.get("dockerfile")).isEqualTo(side + "/Dockerfile");
            Map<String, Object> env = map(s.get("environment"));
            assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "axonserver").containsEntry("AXONSERVER_HOST",
                    "axonserver");
            assertThat(map(map(s.get("depends_on")).get("axonserver"))).containsEntry("condition", "service_healthy");
        }
        Map<String, Object> query = service("query-side");
        assertThat((String) map(query.get("environment")).get("SPRING_DATA_MONGODB_URI"))
                .isEqualTo("mongodb://mongo:27017/ledger?replicaSet=rs0");
        assertThat(map(map(query.get("depends_on")).get("mongo"))).containsEntry("condition", "service_healthy");
    }

    @Test
    void theScaledQuerySideHasNoFixedHostPort() {
        List<Object> ports = list(service("query-side").get("ports"));
        assertThat(ports).isNotEmpty().allSatisfy(p -> {
            assertThat(map(p)).containsEntry("target", 8080);
            assertThat(map(p)).doesNotContainKey("published");
        });
    }

    @Test
    void dockerfilesBuildWithTheWrapperAndRunAsNonRootWithAReadinessCheck() throws IOException {
        for (String side : List.of("command-side", "query-side")) {
            List<String> lines = instructions(ROOT.resolve(side).resolve("Dockerfile"));
            List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
            assertThat(from).as(side + " stages").hasSize(2);
            assertThat(from.get(0)).contains("-jdk").endsWith(" AS build");
            assertThat(from.get(1)).contains("-jre");
            assertThat(lines).anyMatch(l -> l.startsWith("RUN ") && l.contains("./mvnw") && l.contains("-pl " + side)
                    && l.contains("package"));
            // everything after the last FROM is the image that runs
            List<String> runtime = lines.subList(lines.indexOf(from.get(1)), lines.size());
            assertThat(runtime).anyMatch(l -> l.startsWith("COPY --from=build")
                    && l.contains("/src/" + side + "/target/proposal-ledger-" + side + ".jar"));
            String user = runtime.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
            assertThat(user.substring(5).trim()).isNotIn("root", "0").isEqualTo("ledger");
            assertThat(runtime).anyMatch(l -> l.contains("useradd --system") && l.contains("ledger"));
            assertThat(runtime).anyMatch(l -> l.startsWith("HEALTHCHECK ")
                    && l.contains("http://localhost:8080/actuator/health/readiness"));
        }
    }

    /** Dockerfile instructions, continuation lines joined, comments dropped. */
    static List<String> instructions(Path dockerfile) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                out.add(current.append(line).toString().replaceAll("\\s+", " ").trim());
                current.setLength(0);
            }
        }
        return out;
    }

    static Map<String, Object> services() {
        return map(config.get("services"));
    }

    static Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    static String healthTest(String service) {
        return String.join(" ", strings(map(service(service).get("healthcheck")).get("test")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }

    static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    record Result(int exit, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }
}
