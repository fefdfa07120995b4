package org.proposalledger.query.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.dashboard.DashboardCounters;
import org.proposalledger.query.projection.Delivery;
import org.proposalledger.query.projection.ProposalChange;
import org.proposalledger.query.projection.ProposalChangeListener;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real handler failure, switched on per proposal: a handler in each read-model processor that,
 * for a proposal in {@link #proposals}, first changes the batch's buffers (counts the proposal's
 * whole contribution into the dashboard counters once more, and marks its document changed), then
 * throws — a handler failing half-way through an event. Off (no proposal listed) it does nothing.
 */
@Component
public class InjectedFault {

    public static final String MESSAGE = "injected fault";

    private final Set<String> proposals = ConcurrentHashMap.newKeySet();

    public void failFor(String proposalId) {
        proposals.add(proposalId);
    }

    public void fixed() {
        proposals.clear();
    }

    boolean failsFor(ProposalEvent event) {
        return proposals.contains(event.proposalId().value());
    }

    /** In {@code proposal-views}, beside the proposal and reference-data projections. */
    @Component
    @ProcessingGroup(Projections.GROUP)
    public static class InProposalViews {

        private final InjectedFault fault;
        private final ProposalStore store;
        private final ProposalChangeListener counters;

        InProposalViews(InjectedFault fault, ProposalStore store, DashboardCounters counters) {
            this.fault = fault;
            this.store = store;
            this.counters = counters;
        }

        @EventHandler
        void on(ProposalEvent event, EventMessage<?> message) {
            if (!fault.failsFor(event)) {
                return;
            }
            ProjectionBatch batch = ProjectionBatch.current();
            ProposalChangeListener.Buffer dashboard = batch.buffer(ProjectionBatch.Order.DERIVED,
                    counters.bufferName(), counters::newBuffer);
            DocumentBuffer<ProposalView> views = batch.buffer(ProposalStore.COLLECTION,
                    () -> new DocumentBuffer<>(store.collection(), store::fromDocument, store::toDocument));
            ProposalView current = views.get(event.proposalId().value());
            if (current != null) {
                views.put(current.id(), current);
                dashboard.changed(new ProposalChange(null, current, message.getTimestamp(),
                        Delivery.untracked(UUID.randomUUID().toString()), 0));
            }
            throw new IllegalStateException(MESSAGE + " in " + Projections.GROUP);
        }
    }

    /** In {@code supervision-views}. */
    @Component
    @ProcessingGroup(SupervisionProjection.GROUP)
    public static class InSupervision {

        private final InjectedFault fault;

        InSupervision(InjectedFault fault) {
            this.fault = fault;
        }

        @EventHandler
        void on(ProposalEvent event) {
            if (fault.failsFor(event)) {
                throw new IllegalStateException(MESSAGE + " in " + SupervisionProjection.GROUP);
            }
        }
    }
}
