package org.proposalledger.standalone.audit;

import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainSummary;
import org.proposalledger.platform.audit.ChainVerifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --ledger.verify-all}: verifies the hash chain of every aggregate in the event store,
 * prints the counts and each broken one (at most 100), and exits: 0 when nothing is broken,
 * 3 when something is.
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
        int code = s.broken() == 0 ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
