package org.proposalledger.command.watch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, in the ledger's zone. */
public final class MovableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final AtomicReference<Instant> now;

    public MovableClock(LocalDateTime start) {
        this.now = new AtomicReference<>(start.atZone(ZONE).toInstant());
    }

    public void set(LocalDateTime t) {
        now.set(t.atZone(ZONE).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
