package org.proposalledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side as its own process ({@code command-side/target/proposal-ledger-command-side.jar}):
 * aggregates, the command HTTP API, the report importer and the deadline watcher, writing to the
 * event store. Read models and queries are the query side's. Several of these may share one
 * PostgreSQL event store; each has its own local command bus, so it serves only what it handles.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.application.name=proposal-ledger-command-side")
                .run(args);
    }
}
