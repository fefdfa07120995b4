package org.proposalledger.platform.evolution;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Upcasters for stored events whose shape changed; Axon's Spring wiring chains every EventUpcaster bean. */
@AutoConfiguration(before = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class)
public class EvolutionConfig {

    @Bean
    public ProposalRatedUpcaster proposalRatedUpcaster() {
        return new ProposalRatedUpcaster();
    }

    @Bean
    public ProposalSubmittedUpcaster proposalSubmittedUpcaster() {
        return new ProposalSubmittedUpcaster();
    }
}
