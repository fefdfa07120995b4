package org.proposalledger.command.reference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.reference.DeadlineRuleSet;
import org.proposalledger.api.reference.SessionDeadlineRulesSet;
import org.proposalledger.api.reference.SetSessionDeadlineRules;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A congress session proposals belong to. Recording it again with the same details changes nothing. */
public class CongressSession {

    @AggregateIdentifier
    private String id;
    private String name;
    private LocalDate opensOn;
    private DeadlineRuleSet rules = DeadlineRuleSet.DEFAULTS;

    protected CongressSession() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordCongressSession cmd, Actor actor) {
        ReferenceRules.requireRecorder(actor, "congress sessions");
        ReferenceRules.requireName(cmd.name(), "congress session");
        if (id == null) {
            apply(new CongressSessionRegistered(cmd.sessionId(), cmd.name(), cmd.opensOn()));
        } else if (!Objects.equals(name, cmd.name()) || !Objects.equals(opensOn, cmd.opensOn())) {
            apply(new CongressSessionUpdated(cmd.sessionId(), cmd.name(), cmd.opensOn()));
        }
    }

    /** Only for a recorded session; setting the same rules again changes nothing. */
    @CommandHandler
    void handle(SetSessionDeadlineRules cmd, Actor actor) {
        if (!actor.is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the congress office may set deadline rules.");
        }
        if (cmd.rules() == null) {
            throw CommandRejectedException.invalid("rules-required", "Deadline rules are required.");
        }
        String problem = cmd.rules().problem();
        if (problem != null) {
            throw CommandRejectedException.invalid("invalid-deadline-rules", problem + ".");
        }
        if (!cmd.rules().equals(rules)) {
            apply(new SessionDeadlineRulesSet(cmd.sessionId(), cmd.rules()));
        }
    }

    @EventSourcingHandler
    void on(SessionDeadlineRulesSet event) {
        rules = event.rules();
    }

    @EventSourcingHandler
    void on(CongressSessionRegistered event) {
        id = RecordCongressSession.aggregateIdOf(event.sessionId());
        name = event.name();
        opensOn = event.opensOn();
    }

    @EventSourcingHandler
    void on(CongressSessionUpdated event) {
        name = event.name();
        opensOn = event.opensOn();
    }
}
