package org.proposalledger.command.reference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.DeputyUpdated;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.security.Actor;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A deputy who may propose. Recording them again with the same details changes nothing. */
public class Deputy {

    @AggregateIdentifier
    private String id;
    private String name;
    private String delegation;

    protected Deputy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordDeputy cmd, Actor actor) {
        ReferenceRules.requireRecorder(actor, "deputies");
        ReferenceRules.requireName(cmd.name(), "deputy");
        if (id == null) {
            apply(new DeputyRegistered(cmd.deputyId(), cmd.name(), cmd.delegation()));
        } else if (!Objects.equals(name, cmd.name()) || !Objects.equals(delegation, cmd.delegation())) {
            apply(new DeputyUpdated(cmd.deputyId(), cmd.name(), cmd.delegation()));
        }
    }

    @EventSourcingHandler
    void on(DeputyRegistered event) {
        id = RecordDeputy.aggregateIdOf(event.deputyId());
        name = event.name();
        delegation = event.delegation();
    }

    @EventSourcingHandler
    void on(DeputyUpdated event) {
        name = event.name();
        delegation = event.delegation();
    }
}
