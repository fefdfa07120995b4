package org.proposalledger.tools;

import org.proposalledger.standalone.ProposalLedgerApplication;
import org.proposalledger.tools.verify.VerifyLog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The tools jar: the whole system in one process, exactly as the product's standalone jar runs it
 * ({@link ProposalLedgerApplication}, whose scan of {@code org.proposalledger} also finds the
 * tools on this jar's classpath), plus the benchmarks and the session generator, each switched on
 * by its own setting: {@code ledger.benchmark.sizes}, {@code ledger.benchmark.rebuild-events},
 * {@code ledger.audit-benchmark.sizes}, {@code ledger.generate.proposals}. Without any of them it
 * is the standalone ledger. {@code verify-log …} as first argument runs the offline log verifier
 * instead ({@link VerifyLog}).
 */
@SpringBootConfiguration
@Import(ProposalLedgerApplication.class)
public class ProposalLedgerTools {

    public static void main(String[] args) {
        if (args.length > 0 && "verify-log".equals(args[0])) { // plain Java, no ledger started
            System.exit(VerifyLog.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(ProposalLedgerTools.class, args);
    }
}
