package org.proposalledger.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Command side and query side in one process: the embedded default. */
@SpringBootApplication(scanBasePackages = "org.proposalledger")
public class ProposalLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProposalLedgerApplication.class, args);
    }
}
