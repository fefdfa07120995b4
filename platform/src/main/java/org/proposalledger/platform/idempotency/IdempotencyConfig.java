package org.proposalledger.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * {@code Idempotency-Key} for both sides: the key table in the event-store database (every
 * deployable has one: the H2 file by default, PostgreSQL when configured, also under the
 * {@code axonserver} profile, where it holds the deadline table), the filter, the purge and its
 * OpenAPI description. See docs/idempotency.md.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JacksonAutoConfiguration.class},
        before = org.axonframework.springboot.autoconfig.JdbcAutoConfiguration.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfig {

    /**
     * Axon's default wraps this provider in {@code UnitOfWorkAwareConnectionProviderWrapper},
     * which on a unit of work's rollback calls {@code rollback()} on the JDBC connection itself.
     * Inside a longer transaction (a keyed request's, which several commands may join, as an
     * import does) that would silently undo the commands before a refused one while the request
     * goes on. Without the wrapper every connection is the Spring transaction's, committed and
     * rolled back by Spring's transaction manager only, which Axon's units of work drive.
     */
    @Bean
    @ConditionalOnBean(DataSource.class)
    public ConnectionProvider springTransactionConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public IdempotencyStore idempotencyStore(DataSource dataSource, IdempotencyProperties properties) {
        IdempotencyStore store = new IdempotencyStore(dataSource, properties.getInUseWait());
        store.createTable();
        return store;
    }

    /** After Spring Security (keys belong to the signed-in user), before everything that executes. */
    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
                                                                       PlatformTransactionManager transactions,
                                                                       Clock clock, IdempotencyProperties properties,
                                                                       ObjectMapper mapper, Environment env) {
        // the same limit RequestSizeFilter applies to declared lengths
        long maxBody = Binder.get(env).bind("ledger.max-request-size", DataSize.class)
                .orElse(DataSize.ofMegabytes(1)).toBytes();
        FilterRegistrationBean<IdempotencyFilter> reg = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, transactions, clock, properties, mapper, maxBody));
        reg.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return reg;
    }

    @Bean
    KeyPurge idempotencyKeyPurge(IdempotencyStore store, Clock clock, IdempotencyProperties properties) {
        return new KeyPurge(store, clock, properties.getPurgeInterval());
    }

    @Bean
    IdempotencyApiDocumentation idempotencyApiDocumentation() {
        return new IdempotencyApiDocumentation();
    }
}
