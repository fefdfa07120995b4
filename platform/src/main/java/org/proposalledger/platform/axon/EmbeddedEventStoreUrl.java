package org.proposalledger.platform.axon;

import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.nio.file.Path;

/**
 * With no {@code spring.datasource.url}, the event store is an H2 file under the data folder.
 * Done here rather than in a property default because H2 needs an absolute path, and the
 * data folder may be given relative.
 */
class EmbeddedEventStoreUrl implements BeanPostProcessor {

    private final ObjectProvider<LedgerProperties> properties;

    EmbeddedEventStoreUrl(ObjectProvider<LedgerProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties ds && (ds.getUrl() == null || ds.getUrl().isBlank())) {
            ds.setUrl(urlFor(properties.getObject().getDataDir()));
        }
        return bean;
    }

    /**
     * Acknowledged means durable: H2 (2.x, MVStore) otherwise writes committed transactions to the
     * file up to {@code WRITE_DELAY} (500 ms) later, from a background thread, and a process killed
     * in between loses commands it has already answered 2xx. At 0 each commit writes its changes
     * to the file (write(2), no fsync) before it returns. See docs/durability.md.
     */
    static final String WRITE_DELAY = "WRITE_DELAY=0";

    /**
     * {@code COMPRESS}: pages are written compressed (LZF). Event rows are JSON, so a million
     * proposals' six million events took 7.7 GB instead of 18 GB; the file then stays within the
     * OS page cache longer, and an audit read of one proposal at that size kept its p99 within
     * 1.4x of a small store's (2.9-3.4x uncompressed, its reads going to disk), for appends about
     * a quarter slower in bulk. Pages written before are read as they are.
     */
    static String urlFor(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("eventstore")
                + ";LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;" + WRITE_DELAY;
    }
}
