package org.proposalledger.command.deadline;

import org.proposalledger.api.calendar.WorkingDays;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.SessionDeadlineRulesSet;
import org.proposalledger.api.reference.SessionId;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the session's own event stream (a handful of events), like EventStoreReferenceData: it
 * never lags behind a just-set rule, and needs no read model on the command side. A session
 * without rules set uses the defaults. The rules read are kept per session with the session's
 * last sequence number at that read; a command then costs one indexed read of that number.
 */
public class EventStoreDeadlineRuleBook implements DeadlineRuleBook {

    /** Sessions whose rules are kept; a congress has a handful a year, so past this it simply starts over. */
    private static final int MAX_SESSIONS = 1000;

    private record Read(long lastSequence, DeadlineRuleSet rules) {
    }

    private final EventStore eventStore;
    private final WorkingDays calendar;
    private final Map<SessionId, Read> sessions = new ConcurrentHashMap<>();

    public EventStoreDeadlineRuleBook(EventStore eventStore, WorkingDays calendar) {
        this.eventStore = Objects.requireNonNull(eventStore);
        this.calendar = Objects.requireNonNull(calendar);
    }

    @Override
    public DeadlineRules rulesFor(SessionId sessionId) {
        if (sessionId == null) {
            return new DeadlineRules(calendar, DeadlineRuleSet.DEFAULTS);
        }
        String aggregateId = RecordCongressSession.aggregateIdOf(sessionId);
        // one indexed read instead of the whole stream: the rules read last still hold while the
        // session's last sequence number is the one they were read at (any process's change moves it)
        long last = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        Read read = sessions.get(sessionId);
        if (read == null || read.lastSequence() != last) {
            read = read(aggregateId);
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.clear();
            }
            sessions.put(sessionId, read);
        }
        return new DeadlineRules(calendar, read.rules());
    }

    /** The stream's rules and the last sequence number among the events they were read from. */
    private Read read(String aggregateId) {
        DeadlineRuleSet set = DeadlineRuleSet.DEFAULTS;
        long last = -1;
        DomainEventStream events = eventStore.readEvents(aggregateId);
        while (events.hasNext()) {
            DomainEventMessage<?> m = events.next();
            last = m.getSequenceNumber();
            if (m.getPayload() instanceof SessionDeadlineRulesSet s) {
                set = s.rules();
            }
        }
        return new Read(last, set);
    }
}
