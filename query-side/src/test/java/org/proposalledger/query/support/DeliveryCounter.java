package org.proposalledger.query.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts deliveries to the projections' processor, so tests can tell a re-delivery happened. */
@Component
@ProcessingGroup(Projections.GROUP)
public class DeliveryCounter {

    private final AtomicInteger proposalEvents = new AtomicInteger();

    @EventHandler
    void on(ProposalEvent event) {
        proposalEvents.incrementAndGet();
    }

    public int proposalEvents() {
        return proposalEvents.get();
    }
}
