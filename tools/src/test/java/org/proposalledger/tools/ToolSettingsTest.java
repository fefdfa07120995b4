package org.proposalledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.proposalledger.tools.bench.AuditBenchmarkProperties;
import org.proposalledger.tools.bench.BenchmarkProperties;
import org.proposalledger.tools.generate.GeneratorProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' settings: their names, their defaults in code, and the metadata generated from them. */
class ToolSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BenchmarkProperties.class, AuditBenchmarkProperties.class,
            GeneratorProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults() {
        runner.run(context -> {
            BenchmarkProperties bench = context.getBean(BenchmarkProperties.class);
            assertThat(bench.getSizes()).isEmpty();
            assertThat(bench.isAudit()).isTrue();
            assertThat(bench.getRawMaxEvents()).isEqualTo(300_000);
            assertThat(bench.getRebuildEvents()).isNull();
            assertThat(context.getBean(AuditBenchmarkProperties.class).getSizes()).isEmpty();
            GeneratorProperties generate = context.getBean(GeneratorProperties.class);
            assertThat(generate.getProposals()).isNull();
            assertThat(generate.getSeed()).isEqualTo(1);
            assertThat(generate.sessionId()).isEqualTo("gen-1");
            assertThat(generate.getOpensOn()).isEqualTo(LocalDate.of(2022, 1, 5));
            assertThat(generate.isExit()).isFalse();
        });
    }

    @Test
    void theCommandLineNamesBind() {
        runner.withPropertyValues("ledger.benchmark.sizes=10000, 1000000", "ledger.benchmark.audit=false",
                "ledger.benchmark.raw-max-events=5000", "ledger.benchmark.rebuild-events=2000",
                "ledger.audit-benchmark.sizes=200,400", "ledger.generate.proposals=30", "ledger.generate.seed=42",
                "ledger.generate.opens-on=2023-02-01", "ledger.generate.exit=true").run(context -> {
            BenchmarkProperties bench = context.getBean(BenchmarkProperties.class);
            assertThat(bench.getSizes()).containsExactly(10_000, 1_000_000);
            assertThat(bench.isAudit()).isFalse();
            assertThat(bench.getRawMaxEvents()).isEqualTo(5000);
            assertThat(bench.getRebuildEvents()).isEqualTo(2000);
            assertThat(context.getBean(AuditBenchmarkProperties.class).getSizes()).containsExactly(200, 400);
            GeneratorProperties generate = context.getBean(GeneratorProperties.class);
            assertThat(generate.getProposals()).isEqualTo(30);
            assertThat(generate.sessionId()).isEqualTo("gen-42");
            assertThat(generate.getOpensOn()).isEqualTo(LocalDate.of(2023, 2, 1));
            assertThat(generate.isExit()).isTrue();
        });
        runner.withPropertyValues("ledger.generate.session=budget-2023").run(context ->
                assertThat(context.getBean(GeneratorProperties.class).sessionId()).isEqualTo("budget-2023"));
    }

    /** The configuration processor ran: every setting is described, with its default where it has one. */
    @Test
    void metadataIsGenerated() throws Exception {
        // this module's own classes (other jars on the class path carry metadata files of their own)
        Path file = Path.of(ProposalLedgerTools.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("META-INF/spring-configuration-metadata.json");
        assertThat(file).as("generated configuration metadata").isRegularFile();
        JsonNode metadata = new ObjectMapper().readTree(file.toFile());
        Map<String, JsonNode> properties = new TreeMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        assertThat(properties).containsOnlyKeys("ledger.benchmark.sizes", "ledger.benchmark.audit",
                "ledger.benchmark.raw-max-events", "ledger.benchmark.rebuild-events", "ledger.audit-benchmark.sizes",
                "ledger.generate.proposals", "ledger.generate.seed", "ledger.generate.session",
                "ledger.generate.opens-on", "ledger.generate.exit",
                "ledger.benchmark.http.seconds", "ledger.benchmark.http.warm-up-seconds", "ledger.benchmark.http.clients",
                "ledger.benchmark.http.read", "ledger.benchmark.http.session");
        properties.values().forEach(p -> assertThat(p.path("description").asText()).as(p.toString()).isNotBlank());
        for (Map.Entry<String, Object> d : Map.<String, Object>of("ledger.benchmark.audit", true,
                "ledger.benchmark.raw-max-events", 300000, "ledger.generate.seed", 1, "ledger.generate.exit", false)
                .entrySet()) {
            assertThat(properties.get(d.getKey()).path("defaultValue").asText()).as(d.getKey())
                    .isEqualTo(String.valueOf(d.getValue()));
        }
    }
}
