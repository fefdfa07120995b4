package org.proposalledger.standalone.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.rebuild.*}: the rebuild at start-up. The switch itself is {@code ledger.rebuild=true}
 * ({@link RebuildOnStart}'s condition, described in additional-spring-configuration-metadata.json).
 */
@ConfigurationProperties("ledger.rebuild")
public class RebuildProperties {

    /** Exit once the rebuild at start-up has finished, instead of serving. */
    private boolean exit;

    public boolean isExit() {
        return exit;
    }

    public void setExit(boolean exit) {
        this.exit = exit;
    }
}
