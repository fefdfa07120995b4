package org.proposalledger.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whole application contexts started and stopped by a test, like a process would be. */
public final class Contexts {

    private Contexts() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
        // as command-line arguments: builder "properties" are defaults, which ledger-defaults.properties overrides
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off"));
        for (String p : properties) {
            args.add("--" + p);
        }
        return new SpringApplicationBuilder(QuerySideApplication.class).run(args.toArray(String[]::new));
    }

    public static ProjectionProgress progress(ConfigurableApplicationContext context) {
        return new ProjectionProgress(context.getBean(EventProcessingConfiguration.class),
                context.getBean(EventStore.class), context.getBean(TokenStore.class));
    }
}
