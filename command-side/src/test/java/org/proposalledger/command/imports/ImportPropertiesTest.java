package org.proposalledger.command.imports;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger.import.*}: the import at start-up, by its settings' names, with their defaults. */
class ImportPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImportProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults() {
        runner.run(context -> {
            ImportProperties properties = context.getBean(ImportProperties.class);
            assertThat(properties.getFile()).isNull();
            assertThat(properties.getSessionId()).isNull();
            assertThat(properties.isExit()).isTrue();
        });
    }

    @Test
    void theNamesBind() {
        runner.withPropertyValues("ledger.import.file=report.txt", "ledger.import.session-id=lvliang-4-1",
                "ledger.import.exit=false").run(context -> {
            ImportProperties properties = context.getBean(ImportProperties.class);
            assertThat(properties.getFile()).isEqualTo(Path.of("report.txt"));
            assertThat(properties.getSessionId()).isEqualTo("lvliang-4-1");
            assertThat(properties.isExit()).isFalse();
        });
    }
}
