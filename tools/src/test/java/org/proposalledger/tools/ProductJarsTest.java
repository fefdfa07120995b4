package org.proposalledger.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The product's executable jars (standalone, command side, query side), as built, ship none of the
 * tools: no class of this module, nothing in a {@code tools}, {@code bench} or {@code generate}
 * package — counting the classes of the nested module jars too.
 */
class ProductJarsTest {

    private static final String OURS = "org/proposalledger/";

    @Test
    void theProductJarsHoldNoBenchmarkAndNoGenerator() throws Exception {
        List<Path> jars = Arrays.stream(System.getProperty("ledger.product.jars", "").split(","))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        assumeTrue(!jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile),
                "product jars not built (run `./mvnw verify`, not `test`): check skipped");
        Set<String> tools = toolClasses();
        assertThat(tools).contains(OURS + "tools/bench/DashboardBenchmark.class",
                OURS + "tools/generate/SessionPlan.class");

        for (Path jar : jars) {
            Set<String> shipped = ourClasses(jar);
            assertThat(shipped).as(jar + " holds our classes").isNotEmpty();
            assertThat(shipped).as(jar + " holds a class of the tools module").doesNotContainAnyElementsOf(tools);
            assertThat(shipped).as(jar + " holds a tool").noneMatch(c -> c.startsWith(OURS + "tools/")
                    || c.contains("/bench/") || c.contains("/generate/") || c.contains("Benchmark"));
        }
        // the product's own operations stay in it
        Set<String> standalone = ourClasses(jars.stream()
                .filter(j -> j.getFileName().toString().equals("proposal-ledger.jar")).findFirst().orElseThrow());
        assertThat(standalone).contains(OURS + "standalone/ProposalLedgerApplication.class",
                OURS + "standalone/audit/VerifyAllOnStart.class", OURS + "standalone/rebuild/RebuildOnStart.class");
    }

    /** Every class file compiled from this module's main sources. */
    private static Set<String> toolClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(ProposalLedgerTools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Our classes in {@code jar}: its own entries and those of the jars nested in it (BOOT-INF/lib). */
    private static Set<String> ourClasses(Path jar) throws IOException {
        Set<String> found = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : file.stream().toList()) {
                String name = e.getName().startsWith("BOOT-INF/classes/")
                        ? e.getName().substring("BOOT-INF/classes/".length()) : e.getName();
                if (name.startsWith(OURS) && name.endsWith(".class")) {
                    found.add(name);
                } else if (e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(e); JarInputStream nested = new JarInputStream(in)) {
                        for (JarEntry n; (n = nested.getNextJarEntry()) != null; ) {
                            if (n.getName().startsWith(OURS) && n.getName().endsWith(".class")) {
                                found.add(n.getName());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
