package org.proposalledger.standalone.audit;

import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainSummary;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.transparency.LogReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --ledger.verify-all}: verifies the hash chain of every aggregate in the event store and
 * the transparency log against its latest checkpoints, prints the counts, each broken chain (at
 * most 100) and the log's verdict, and exits: 0 when nothing is broken, 3 when something is.
 */
@Component
@ConditionalOnProperty(name = "ledger.verify-all", havingValue = "true")
public class VerifyAllOnStart implements ApplicationRunner {

    private final ChainVerifier verifier;
    private final ConfigurableApplicationContext context;

    public VerifyAllOnStart(ChainVerifier verifier, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        long t0 = System.nanoTime();
        ChainSummary s = verifier.verifyAll();
        System.out.printf("verified %d aggregates, %d events in %.1f s: %d intact, %d broken, %d only unchained "
                        + "(%d events stored before the chain)%n", s.aggregates(), s.events(), (System.nanoTime() - t0) / 1e9,
                s.intact(), s.broken(), s.unchainedOnly(), s.unchainedEvents());
        for (ChainReport r : s.firstBroken()) {
            System.out.printf("BROKEN %s at sequence %d: %s (%s)%n", r.aggregateId(), r.brokenAtSequence(),
                    r.problem(), r.detail());
        }
        LogReport log = s.log();
        if (log != null) {
            System.out.printf("transparency log: %s%s%s: %s%n", log.status(),
                    log.checkpointSize() == null ? "" : " against the checkpoint of " + log.checkpointSize() + " events",
                    log.position() == null ? "" : ", first at position " + log.position() + " (" + log.difference() + ")",
                    log.detail());
        }
        int code = s.tampered() ? 3 : 0;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
