package org.proposalledger.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code ledger-defaults.properties} as the last property source: the Spring, Axon, Tomcat and
 * logging defaults every deployable (standalone, command side, query side) shares, any of which a
 * setting can override. The {@code ledger.*} settings are not there: their defaults are in their
 * properties types ({@link LedgerProperties} and the others it lists). Also turns Axon's update
 * checker off unless told otherwise: it phones home, and it reads only a JVM system property, not
 * Spring's environment.
 */
public class LedgerDefaults implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("ledgerDefaults", new ClassPathResource("ledger-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED,
                    environment.getProperty(UPDATE_CHECKER_DISABLED, "true"));
        }
    }
}
