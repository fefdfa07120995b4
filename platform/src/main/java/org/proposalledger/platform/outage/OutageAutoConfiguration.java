package org.proposalledger.platform.outage;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Fail fast while a store is out of reach (docs/outages.md): which failures mean which store is
 * out ({@link StoreOutages}; a side adds its own {@link OutageClassifier} beans), the 503 answer
 * ({@link StoreUnavailableHandling}, ahead of every other exception resolver), an event-store pool that
 * refuses at once while its database is out of reach ({@link FailFastDataSource}), health checks with
 * a time limit ({@link BoundedHealthIndicators}) and a log that reports an outage instead of
 * repeating it ({@link OutageLogFilter}).
 */
@AutoConfiguration
@EnableConfigurationProperties(OutageProperties.class)
public class OutageAutoConfiguration {

    @Bean
    public StoreOutages storeOutages(ObjectProvider<OutageClassifier> sideClassifiers) {
        return StoreOutages.withPlatformClassifiers(sideClassifiers.orderedStream().toList());
    }

    @Bean
    public WebMvcConfigurer storeUnavailableHandling(StoreOutages outages, OutageProperties properties,
                                                     ObjectMapper mapper) {
        StoreUnavailableHandling handling = new StoreUnavailableHandling(outages, properties::getRetryAfter, mapper);
        return new WebMvcConfigurer() {
            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                resolvers.add(0, handling);
            }
        };
    }

    @Bean
    public static BoundedHealthIndicators boundedHealthIndicators(ObjectProvider<OutageProperties> properties) {
        return new BoundedHealthIndicators(properties);
    }

    @Bean
    public static BeanPostProcessor failFastDataSource() {
        return FailFastDataSource.wrapping();
    }

    @Bean
    public OutageLogging outageLogging(StoreOutages outages, OutageProperties properties) {
        return new OutageLogging(new OutageLogFilter(outages, properties::getLogInterval));
    }

    /** Installs the filter in Logback (Spring Boot's default logging) for the life of the context. */
    public static final class OutageLogging implements SmartInitializingSingleton, DisposableBean {
        private final OutageLogFilter filter;
        private LoggerContext context;

        OutageLogging(OutageLogFilter filter) {
            this.filter = filter;
        }

        @Override
        public void afterSingletonsInstantiated() {
            if (ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", null)
                    && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                context = logback;
                filter.setContext(logback);
                filter.start();
                logback.addTurboFilter(filter);
            }
        }

        @Override
        public void destroy() {
            if (context != null) {
                context.getTurboFilterList().remove(filter);
                filter.stop();
            }
        }
    }
}
