package org.proposalledger.command.watch;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.error.RejectionDetails;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RecordCoUnitOpinionOverdue;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RemindReplyDue;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Raises ReplyOverdue, CoUnitOpinionOverdue and ReplyDueSoon when their day has come.
 * <p>
 * Why a watcher and not Axon's DeadlineManager: the persistent schedulers it offers need
 * Quartz or JobRunr tables (or Axon Server's own scheduler) and cancel/reschedule bookkeeping
 * on every extension, and a schedule missed while the process was down depends on the
 * scheduler's misfire policy. Here the worklist is a plain table in the event-store database
 * (same on H2 and PostgreSQL), written with the events, and every poll asks "which due dates are
 * behind today?" — so a date that passed while the process was down is raised by the first poll
 * after start-up, and the interval bounds the delay. The commands are idempotent: the aggregate
 * refuses a second overdue / reminder for the same due date, and two instances racing on the
 * same proposal meet the event store's optimistic lock — so each event is stored exactly once.
 */
public class DeadlineWatcher {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    /** The aggregate says the time has not come: retry on a later poll. */
    private static final Set<String> NOT_YET = Set.of("not-overdue", "not-due-soon");

    private final DeadlineTable table;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** Whether the last poll failed: an outage is logged when it starts and when it ends, not at every poll. */
    private volatile boolean failing;

    public DeadlineWatcher(DeadlineTable table, CommandGateway commands, Clock clock, Duration interval) {
        this.table = table;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    /** Polls now (so start-up catches up at once) and then every interval. */
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deadline-watcher");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    private void pollSafely() {
        try {
            poll();
            if (failing) {
                failing = false;
                log.info("deadline polls resumed");
            }
        } catch (RuntimeException e) {
            // a failed poll (database away, shutting down) is retried on the next tick
            if (!failing) {
                failing = true;
                log.warn("deadline poll failed, retried every {} ms until it succeeds: {}", interval.toMillis(), e.toString());
            } else {
                log.debug("deadline poll failed: {}", e.toString());
            }
        }
    }

    private enum Outcome { STORED, NOT_YET, SETTLED }

    /** One pass over the due dates; answers how many events it stored. */
    public synchronized int poll() {
        LocalDate today = LocalDate.now(clock);
        int raised = 0;
        for (DeadlineTable.Row row : table.passed(today)) {
            Object command = DeadlineTable.REPLY.equals(row.kind())
                    ? new RecordReplyOverdue(ProposalId.of(row.proposalId()))
                    : new RecordCoUnitOpinionOverdue(ProposalId.of(row.proposalId()), UnitId.of(row.unitId()));
            Outcome outcome = send(command);
            if (outcome == Outcome.STORED) {
                raised++;
            } else if (outcome == Outcome.SETTLED) {
                table.markOverdue(row.proposalId(), row.kind(), row.unitId());
            }
        }
        for (DeadlineTable.Row row : table.toRemind(today)) {
            Outcome outcome = send(new RemindReplyDue(ProposalId.of(row.proposalId())));
            if (outcome == Outcome.STORED) {
                raised++;
            } else if (outcome == Outcome.SETTLED) {
                table.markReminded(row.proposalId());
            }
        }
        return raised;
    }

    /** As the ledger itself, with a fresh correlation id per command (no request to inherit one from). */
    private void sendAsSystem(Object command) {
        MetaData metaData = Actor.SYSTEM.metaData("deadline-watcher-" + UUID.randomUUID());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            // rejections travel as details (also across Axon Server); anything else stays as it is
            throw e.getDetails().filter(RejectionDetails.class::isInstance)
                    .map(d -> (RuntimeException) ((RejectionDetails) d).toException())
                    .orElse(e);
        }
    }

    private Outcome send(Object command) {
        try {
            sendAsSystem(command);
            return Outcome.STORED;
        } catch (CommandRejectedException e) {
            // "already-overdue" etc.: raised before (here or by another instance) or the table lags
            // the aggregate — stop asking about this row; "not yet" rules are asked again later
            log.debug("{} refused: {}", command, e.rule());
            return NOT_YET.contains(e.rule()) ? Outcome.NOT_YET : Outcome.SETTLED;
        } catch (ConcurrencyException e) {
            // another instance stored an event on the same proposal first; the next poll re-checks
            log.debug("{} lost a race: {}", command, e.getMessage());
            return Outcome.NOT_YET;
        } catch (CommandExecutionException e) {
            // e.g. a concurrency failure reported by a remote handler: one row must not block the rest
            log.warn("{} failed, retried on the next poll: {}", command, e.getMessage());
            return Outcome.NOT_YET;
        }
    }
}
