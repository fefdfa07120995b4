package org.proposalledger.platform;

import org.junit.jupiter.api.Test;
import org.proposalledger.platform.ops.MetricsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's settings that were {@code @Value} literals or resource defaults: defaults in code, same names. */
class PlatformSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LedgerProperties.class, MetricsProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults() {
        runner.run(context -> {
            LedgerProperties ledger = context.getBean(LedgerProperties.class);
            assertThat(ledger.getDataDir()).isEqualTo(Path.of("./data"));
            assertThat(ledger.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(ledger.getUsers()).isEmpty();
            assertThat(context.getBean(MetricsProperties.class).getRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void theNamesBind() {
        runner.withPropertyValues("ledger.data-dir=/var/ledger", "ledger.max-request-size=2MB",
                "ledger.metrics.refresh-interval=3s").run(context -> {
            LedgerProperties ledger = context.getBean(LedgerProperties.class);
            assertThat(ledger.getDataDir()).isEqualTo(Path.of("/var/ledger"));
            assertThat(ledger.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(2));
            assertThat(context.getBean(MetricsProperties.class).getRefreshInterval()).isEqualTo(Duration.ofSeconds(3));
        });
    }
}
