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

    static String urlFor(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("eventstore")
                + ";LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    }
}
