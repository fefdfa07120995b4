package org.proposalledger.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionProfileTest {

    @Test
    void refuses_to_start_with_the_demo_accounts() {
        String dataDir = LedgerTestSupport.freshDataDir().toString();
        assertThatThrownBy(() -> new SpringApplicationBuilder(ProposalLedgerApplication.class)
                .profiles("prod")
                .run("--ledger.data-dir=" + dataDir, "--server.port=0").close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo account");
    }
}
