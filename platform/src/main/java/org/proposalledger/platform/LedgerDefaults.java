package org.proposalledger.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code ledger-defaults.properties} as the last property source, so every deployable
 * (standalone, command side, query side) shares one vocabulary and any setting can override it.
 * Also turns Axon's update checker off unless told otherwise: it phones home, and it reads only
 * a JVM system property, not Spring's environment. The demo accounts
 * ({@code ledger-demo-users.properties}) are added outside profile {@code prod} only.
 */
public class LedgerDefaults implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("ledgerDefaults", new ClassPathResource("ledger-defaults.properties")));
            // profile prod signs users in with JWT only: the demo accounts must not even be there
            if (!environment.acceptsProfiles(Profiles.of("prod"))) {
                environment.getPropertySources().addLast(new ResourcePropertySource("ledgerDemoUsers",
                        new ClassPathResource("ledger-demo-users.properties")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED,
                    environment.getProperty(UPDATE_CHECKER_DISABLED, "true"));
        }
    }
}
