package org.proposalledger.command.deadline;

import org.proposalledger.api.calendar.WorkingDays;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.SessionDeadlineRulesSet;
import org.proposalledger.api.reference.SessionId;

import java.util.Objects;

/**
 * Reads the session's own event stream (a handful of events), like EventStoreReferenceData: it
 * never lags behind a just-set rule, and needs no read model on the command side. A session
 * without rules set uses the defaults.
 */
public class EventStoreDeadlineRuleBook implements DeadlineRuleBook {

    private final EventStore eventStore;
    private final WorkingDays calendar;

    public EventStoreDeadlineRuleBook(EventStore eventStore, WorkingDays calendar) {
        this.eventStore = Objects.requireNonNull(eventStore);
        this.calendar = Objects.requireNonNull(calendar);
    }

    @Override
    public DeadlineRules rulesFor(SessionId sessionId) {
        DeadlineRuleSet set = DeadlineRuleSet.DEFAULTS;
        if (sessionId != null) {
            DomainEventStream events = eventStore.readEvents(RecordCongressSession.aggregateIdOf(sessionId));
            while (events.hasNext()) {
                DomainEventMessage<?> m = events.next();
                if (m.getPayload() instanceof SessionDeadlineRulesSet s) {
                    set = s.rules();
                }
            }
        }
        return new DeadlineRules(calendar, set);
    }
}
