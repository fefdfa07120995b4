package org.proposalledger.query.dashboard;

/**
 * {@link CounterBufferTest}'s cases with the counters written by this process alone (the embedded
 * server), where updates filter on {@code _id} only: the markers must skip re-deliveries just the same.
 */
class SoleWriterCounterBufferTest extends CounterBufferTest {

    @Override
    boolean soleWriter() {
        return true;
    }
}
