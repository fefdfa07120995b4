package org.proposalledger.tools.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** {@code ledger.generate.*}: the session generator. */
@ConfigurationProperties("ledger.generate")
public class GeneratorProperties {

    /** Proposals of the session generated at start-up through the command path. Set, it runs the generator. */
    private Integer proposals;

    /** Seed of the session's plan: the same seed gives the same session. */
    private long seed = 1;

    /** Id of the generated session; blank: gen-<seed>. */
    private String session = "";

    /** The day the generated session opens; its proposals' dates follow from it. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate opensOn = LocalDate.of(2022, 1, 5);

    /** Stop the process once the session is generated; false: keep serving the API afterwards. */
    private boolean exit = false;

    /** The session id to generate: {@link #getSession()}, or {@code gen-<seed>} when that is blank. */
    public String sessionId() {
        return session == null || session.isBlank() ? "gen-" + seed : session;
    }

    public Integer getProposals() {
        return proposals;
    }

    public void setProposals(Integer proposals) {
        this.proposals = proposals;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public boolean isExit() {
        return exit;
    }

    public void setExit(boolean exit) {
        this.exit = exit;
    }
}
