package org.proposalledger.standalone.rebuild;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger.rebuild=true} is the switch and {@code ledger.rebuild.exit} a setting beneath it: both bind. */
class RebuildPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RebuildProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theSwitchAloneKeepsServing() {
        runner.withPropertyValues("ledger.rebuild=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RebuildProperties.class).isExit()).isFalse();
        });
    }

    @Test
    void exitBindsBesideTheSwitch() {
        runner.withPropertyValues("ledger.rebuild=true", "ledger.rebuild.exit=true").run(context ->
                assertThat(context.getBean(RebuildProperties.class).isExit()).isTrue());
    }
}
