package org.proposalledger.tools.generate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar proposal-ledger-tools.jar --ledger.generate.proposals=1000} generates a session
 * at startup ({@link GeneratorProperties}: seed, session, opening day, and whether to stop once
 * generated or keep serving the API). A progress line is printed every two seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.generate.proposals")
@EnableConfigurationProperties(GeneratorProperties.class)
public class GeneratorConfiguration {

    /** Replaces the system clock of the whole process while the generator runs. */
    @Bean
    public SimulatedClock simulatedClock(LedgerProperties properties) {
        return new SimulatedClock(properties.getZone());
    }

    @Bean
    public ApplicationRunner generateSession(CommandGateway commands, SimulatedClock clock,
                                             LedgerProperties properties, ConfigurableApplicationContext context,
                                             GeneratorProperties settings) {
        return args -> {
            String id = settings.sessionId();
            SessionPlan plan = new SessionPlan(settings.getSeed(), settings.getProposals(), id, settings.getOpensOn());
            System.out.printf("Generating session %s: %d proposals, %d commands (seed %d)%n", id,
                    settings.getProposals(), plan.steps().size(), settings.getSeed());
            new SessionGenerator(commands, clock, properties.getZone()).run(plan, line -> System.out.println(line));
            System.out.println("Expected session figures: " + plan.expected());
            if (settings.isExit()) {
                // closing the context alone leaves worker threads running
                System.exit(SpringApplication.exit(context));
            }
        };
    }
}
