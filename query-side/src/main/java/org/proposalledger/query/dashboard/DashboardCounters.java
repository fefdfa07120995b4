package org.proposalledger.query.dashboard;

import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.query.projection.EventPositions;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.ProposalChange;
import org.proposalledger.query.projection.ProposalChangeListener;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * The dashboard counters as a listener of the proposals projection: each batch's changes go into
 * one {@link CounterBuffer}, and the scopes it wrote are passed on to the live dashboards.
 */
@Component
public class DashboardCounters implements ProposalChangeListener {

    private final CounterStore counters;
    private final EventPositions positions;
    private final DashboardUpdates updates;
    private final ZoneId zone;

    public DashboardCounters(CounterStore counters, EventPositions positions, DashboardUpdates updates,
                             LedgerProperties properties) {
        this.counters = counters;
        this.positions = positions;
        this.updates = updates;
        this.zone = properties.getZone();
    }

    @Override
    public String bufferName() {
        return CounterStore.COUNTERS;
    }

    @Override
    public Buffer newBuffer() {
        return new Batch(new CounterBuffer(counters, positions, zone, updates::changed));
    }

    @Override
    public void reset() {
        counters.drop();
    }

    /** One batch: each change turned into its document writes, collected in the batch's {@link CounterBuffer}. */
    private final class Batch implements Buffer, ProjectionBatch.Undoable {

        private final CounterBuffer buffer;

        Batch(CounterBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void changed(ProposalChange change) {
            buffer.collect(counters.writes(Contribution.delta(change.before(), change.after()),
                    change.at().atZone(zone).toLocalDate()), change.delivery(), change.segment());
        }

        @Override
        public void flush() {
            buffer.flush();
        }

        @Override
        public void mark() {
            buffer.mark();
        }

        @Override
        public void undo() {
            buffer.undo();
        }
    }
}
