package org.proposalledger.command.reference;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real (in-memory) Axon event store: existence means "the prefixed aggregate has events". */
class EventStoreReferenceDataTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ReferenceData references = new EventStoreReferenceData(store);

    @Test
    void a_recorded_unit_exists_and_an_unrecorded_one_does_not() {
        store.publish(new GenericDomainEventMessage<>("HandlingUnit", "unit:commerce", 0,
                new HandlingUnitRegistered(UnitId.of("commerce"), "市商务局", UnitKind.DEPARTMENT)));

        assertThat(references.unitExists(UnitId.of("commerce"))).isTrue();
        assertThat(references.unitExists(UnitId.of("education"))).isFalse();
    }

    @Test
    void ids_of_one_kind_do_not_make_another_kind_exist() {
        store.publish(new GenericDomainEventMessage<>("Deputy", "deputy:zhu-heping", 0,
                new DeputyRegistered(DeputyId.of("zhu-heping"), "朱和平", "离石区代表团")));

        assertThat(references.deputyExists(DeputyId.of("zhu-heping"))).isTrue();
        assertThat(references.unitExists(UnitId.of("zhu-heping"))).isFalse();
        assertThat(references.sessionExists(SessionId.of("zhu-heping"))).isFalse();
    }
}
