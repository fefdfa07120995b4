package org.proposalledger.tools.generate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock while a session is generated: it shows the simulated time the generator sets, so
 * aggregates judge deadlines and events are stamped as if the session were happening; once
 * released it is the system clock again.
 */
public final class SimulatedClock extends Clock {

    private final ZoneId zone;
    private volatile Instant simulated;

    public SimulatedClock(ZoneId zone) {
        this.zone = zone;
    }

    public void set(Instant instant) {
        simulated = instant;
    }

    /** Back to real time. */
    public void release() {
        simulated = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock c = new SimulatedClock(zone);
        c.simulated = simulated;
        return c;
    }

    @Override
    public Instant instant() {
        Instant s = simulated;
        return s == null ? Instant.now() : s;
    }
}
