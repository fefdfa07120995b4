package org.proposalledger.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What profile prod refuses to start with. The tokens it accepts: {@link ProductionSecurityTest}. */
class ProductionProfileTest {

    private static final List<String> ISSUER = List.of(
            "--ledger.security.jwt.issuer-uri=https://id.ledger.test/realms/congress",
            // never fetched: the process refuses to start before any token arrives
            "--ledger.security.jwt.jwk-set-uri=https://id.ledger.test/realms/congress/certs");

    private static void start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        java.nio.file.Path dir = LedgerTestSupport.freshDataDir();
        all.add("--ledger.data-dir=" + dir);
        if (all.stream().noneMatch(a -> a.startsWith("--ledger.transparency."))) {
            all.add("--ledger.transparency.key-file=" + dir.resolve("keys").resolve("log.key"));
        }
        all.add("--server.port=0");
        new SpringApplicationBuilder(ProposalLedgerApplication.class).profiles("prod")
                .run(all.toArray(String[]::new)).close();
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void refuses_to_start_with_the_demo_accounts() {
        assertThatThrownBy(() -> start(with(ISSUER, "--ledger.users[0].username=office",
                "--ledger.users[0].password={noop}a-long-secret", "--ledger.users[0].role=OFFICE")))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo account");
    }

    @Test
    void refuses_to_start_with_any_password_user() {
        assertThatThrownBy(() -> start(with(ISSUER, "--ledger.users[0].username=li.ming",
                "--ledger.users[0].password={noop}a-long-secret", "--ledger.users[0].role=OFFICE")))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT bearer tokens only").hasMessageContaining("li.ming");
    }

    @Test
    void refuses_to_start_without_a_token_issuer() {
        assertThatThrownBy(() -> start(List.of()))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.security.jwt.issuer-uri");
    }

    @Test
    void refuses_to_start_without_a_configured_transparency_log_key() {
        assertThatThrownBy(() -> start(with(ISSUER, "--ledger.transparency.keeper=true")))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.transparency.key-file");
    }
}
