package org.proposalledger.command.reference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.HandlingUnitUpdated;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A handling unit (department or county government). Recording it again with the same details changes nothing. */
public class HandlingUnit {

    @AggregateIdentifier
    private String id;
    private String name;
    private UnitKind kind;

    protected HandlingUnit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordHandlingUnit cmd, Actor actor) {
        ReferenceRules.requireRecorder(actor, "handling units");
        ReferenceRules.requireName(cmd.name(), "handling unit");
        if (cmd.kind() == null) {
            throw CommandRejectedException.invalid("unit-kind-required",
                    "A handling unit is either a department or a county government.");
        }
        if (id == null) {
            apply(new HandlingUnitRegistered(cmd.unitId(), cmd.name(), cmd.kind()));
        } else if (!Objects.equals(name, cmd.name()) || kind != cmd.kind()) {
            apply(new HandlingUnitUpdated(cmd.unitId(), cmd.name(), cmd.kind()));
        }
    }

    @EventSourcingHandler
    void on(HandlingUnitRegistered event) {
        id = RecordHandlingUnit.aggregateIdOf(event.unitId());
        name = event.name();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(HandlingUnitUpdated event) {
        name = event.name();
        kind = event.kind();
    }
}
