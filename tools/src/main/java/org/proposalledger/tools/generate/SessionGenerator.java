package org.proposalledger.tools.generate;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.proposalledger.platform.web.ActorMetaData;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Runs a {@link SessionPlan} through the real command path — the same command bus, aggregates
 * and rules as the HTTP API — day by day on a {@link SimulatedClock}, so due dates, lateness
 * and event timestamps fall where the plan puts them. Commands of one day are stamped a
 * millisecond apart from 09:00 in the ledger zone. Reports progress to {@code progress}.
 */
public final class SessionGenerator {

    private final CommandGateway commands;
    private final SimulatedClock clock;
    private final ZoneId zone;

    public SessionGenerator(CommandGateway commands, SimulatedClock clock, ZoneId zone) {
        this.commands = commands;
        this.clock = clock;
        this.zone = zone;
    }

    public void run(SessionPlan plan, Consumer<String> progress) {
        int total = plan.steps().size();
        long started = System.nanoTime();
        long lastReport = started;
        LocalDate day = null;
        long tick = 0;
        int done = 0;
        try {
            for (SessionPlan.Step step : plan.steps()) {
                if (!step.day().equals(day)) {
                    day = step.day();
                    tick = 0;
                }
                clock.set(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant().plusMillis(tick++));
                commands.sendAndWait(new GenericCommandMessage<>(step.command(),
                        ActorMetaData.of(step.actor(), "generator-" + plan.sessionId())));
                done++;
                long now = System.nanoTime();
                if (now - lastReport > 2_000_000_000L || done == total) {
                    lastReport = now;
                    double seconds = (now - started) / 1e9;
                    progress.accept(String.format("generated %d/%d commands (%s, %.0f commands/s)", done, total, day,
                            done / Math.max(seconds, 1e-3)));
                }
            }
        } finally {
            clock.release();
        }
    }
}
