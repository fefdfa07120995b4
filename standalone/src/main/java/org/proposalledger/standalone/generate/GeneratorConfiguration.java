package org.proposalledger.standalone.generate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

/**
 * {@code java -jar proposal-ledger.jar --ledger.generate.proposals=1000} generates a session
 * at startup: {@code .seed} (default 1), {@code .session} (default {@code gen-<seed>}),
 * {@code .opens-on} (default 2022-01-05) and {@code .exit} (default false: keep serving the
 * API afterwards; true: stop once generated). A progress line is printed every two seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.generate.proposals")
public class GeneratorConfiguration {

    /** Replaces the system clock of the whole process while the generator runs. */
    @Bean
    public SimulatedClock simulatedClock(LedgerProperties properties) {
        return new SimulatedClock(properties.getZone());
    }

    @Bean
    public ApplicationRunner generateSession(CommandGateway commands, SimulatedClock clock,
                                             LedgerProperties properties, ConfigurableApplicationContext context,
                                             @Value("${ledger.generate.proposals}") int proposals,
                                             @Value("${ledger.generate.seed:1}") long seed,
                                             @Value("${ledger.generate.session:}") String session,
                                             @Value("${ledger.generate.opens-on:2022-01-05}") LocalDate opensOn,
                                             @Value("${ledger.generate.exit:false}") boolean exit) {
        return args -> {
            String id = session.isBlank() ? "gen-" + seed : session;
            SessionPlan plan = new SessionPlan(seed, proposals, id, opensOn);
            System.out.printf("Generating session %s: %d proposals, %d commands (seed %d)%n", id, proposals,
                    plan.steps().size(), seed);
            new SessionGenerator(commands, clock, properties.getZone()).run(plan, line -> System.out.println(line));
            System.out.println("Expected session figures: " + plan.expected());
            if (exit) {
                // closing the context alone leaves worker threads running
                System.exit(SpringApplication.exit(context));
            }
        };
    }
}
