package org.proposalledger.standalone;

import org.junit.jupiter.api.Test;
import org.proposalledger.command.imports.MalformedReportException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar proposal-ledger.jar --ledger.import.file=FILE}: the jar's own switch, started the way
 * the jar starts (with {@code ledger.import.exit=false}, since exiting would end the test JVM).
 */
class ImportCommandLineTest {

    static ConfigurableApplicationContext start(Path dataDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--ledger.data-dir=" + dataDir;
        all[1] = "--server.port=0";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(ProposalLedgerApplication.class).run(all);
    }

    static long events(ConfigurableApplicationContext context) {
        Long n = context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NOT NULL", Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void the_import_switch_records_the_report_under_the_given_session() throws IOException {
        Path dataDir = LedgerTestSupport.freshDataDir();
        Path file = Files.createTempFile("report-", ".txt");
        Files.write(file, ReportImportEndToEndTest.part1());

        try (ConfigurableApplicationContext context = start(dataDir, "--ledger.import.file=" + file,
                "--ledger.import.session-id=lvliang-4-1", "--ledger.import.exit=false")) {
            // session + 4 units + 5 deputies + 4 proposals × (submit, register, assign, reply)
            assertThat(events(context)).isEqualTo(1 + 4 + 5 + 16);
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Api.Response r = api.get("office", "/api/v1/reports/sessions/lvliang-4-1/key-proposals.txt");
                return r.status() == 200 && r.body().contains("吕梁市科学技术局");
            });
        }
    }

    @Test
    void a_malformed_file_stops_the_start_and_stores_nothing() throws IOException {
        Path dataDir = LedgerTestSupport.freshDataDir();
        Path file = Files.createTempFile("report-", ".txt");
        String text = new String(ReportImportEndToEndTest.part1(), StandardCharsets.UTF_8);
        Files.writeString(file, text.substring(0, text.lastIndexOf("吕梁市科学技术局")), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> start(dataDir, "--ledger.import.file=" + file, "--ledger.import.exit=false"))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(MalformedReportException.class).hasMessageContaining("line 113"));

        try (ConfigurableApplicationContext context = start(dataDir)) {
            assertThat(events(context)).isZero();
        }
    }
}
