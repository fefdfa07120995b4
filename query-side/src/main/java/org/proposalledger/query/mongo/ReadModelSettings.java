package org.proposalledger.query.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.read-model.*}: the embedded read-model store, used when no MongoDB address is configured. */
@ConfigurationProperties("ledger.read-model")
public class ReadModelSettings {

    /** MVStore's own default is 16 MB: far below the pages a store of a million documents reads at random. */
    static final int DEFAULT_CACHE_MB = 256;

    /** {@code h2}: kept in {@code readmodel.mv} under {@code ledger.data-dir}, surviving a restart; {@code memory}: lost at exit. */
    private String embeddedBackend = "h2";
    /** The H2 backend's page cache, in megabytes. */
    private int embeddedCacheMb = DEFAULT_CACHE_MB;

    public String getEmbeddedBackend() {
        return embeddedBackend;
    }

    public void setEmbeddedBackend(String embeddedBackend) {
        this.embeddedBackend = embeddedBackend;
    }

    public int getEmbeddedCacheMb() {
        return embeddedCacheMb;
    }

    public void setEmbeddedCacheMb(int embeddedCacheMb) {
        this.embeddedCacheMb = embeddedCacheMb;
    }
}
