package org.proposalledger.platform.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Provenance;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the event store must do on every database it runs on. */
abstract class EventStoreContract {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    private final String aggregateId = "session:" + UUID.randomUUID();

    private DomainEventMessage<?> event(long sequence, Object payload) {
        MetaData metaData = Actor.office("office").metaData("c-42");
        return new GenericDomainEventMessage<>("CongressSession", aggregateId, sequence, payload, metaData);
    }

    private void append(DomainEventMessage<?>... events) {
        transactionManager.executeInTransaction(() -> eventStore.publish(events));
    }

    @Test
    void stores_and_reads_back_an_aggregate_stream_with_its_metadata() {
        SessionId id = SessionId.of("s-" + aggregateId);
        append(event(0, new CongressSessionRegistered(id, "吕梁市第五届人民代表大会第二次会议", LocalDate.of(2022, 1, 5))),
                event(1, new CongressSessionUpdated(id, "第二次会议", LocalDate.of(2022, 1, 6))));

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(aggregateId).asStream().toList();

        assertThat(read).hasSize(2);
        assertThat(read.get(0).getPayload()).isEqualTo(
                new CongressSessionRegistered(id, "吕梁市第五届人民代表大会第二次会议", LocalDate.of(2022, 1, 5)));
        assertThat(read.get(1).getSequenceNumber()).isEqualTo(1);
        assertThat(read.get(0).getMetaData()).containsEntry(Actor.USER, "office")
                .containsEntry(Actor.ROLE, "OFFICE").containsEntry(Actor.CORRELATION_ID, "c-42");
    }

    @Test
    void a_second_event_with_the_same_sequence_is_a_concurrency_conflict_and_stores_nothing() {
        SessionId id = SessionId.of("s-" + aggregateId);
        append(event(0, new CongressSessionRegistered(id, "一次会议", null)),
                event(1, new CongressSessionUpdated(id, "一次会议（更正）", null)));

        assertThatThrownBy(() -> append(event(1, new CongressSessionUpdated(id, "冲突", null))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(eventStore.readEvents(aggregateId).asStream().count()).isEqualTo(2);
    }

    @Test
    void creating_the_same_aggregate_twice_is_refused_and_stores_nothing() {
        SessionId id = SessionId.of("s-" + aggregateId);
        append(event(0, new CongressSessionRegistered(id, "一次会议", null)));

        assertThatThrownBy(() -> append(event(0, new CongressSessionRegistered(id, "重复", null))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventStore.readEvents(aggregateId).asStream().count()).isEqualTo(1);
    }

    @Test
    void payloads_are_stored_as_jackson_json_with_their_revision() {
        SessionId id = SessionId.of("s-" + aggregateId);
        append(event(0, new CongressSessionRegistered(id, "会议", LocalDate.of(2022, 1, 5))));

        byte[] payload = jdbc.queryForObject(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, aggregateId);
        String revision = jdbc.queryForObject(
                "SELECT payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = ?", String.class,
                aggregateId);
        assertThat(new String(payload, StandardCharsets.UTF_8))
                .startsWith("{").contains("\"opensOn\":\"2022-01-05\"").contains("会议");
        assertThat(revision).isEqualTo("1");
    }

    /** A stream written before ProposalSubmitted revision 2 is read through the context's upcaster chain. */
    @Test
    void a_revision_1_submission_is_read_back_upcast() {
        ProposalId id = ProposalId.of("p-" + UUID.randomUUID());
        MetaData metaData = Actor.importer("office").metaData("c-43");
        append(new GenericDomainEventMessage<>("Proposal", id.value(), 0, new ProposalSubmitted(id,
                SessionId.of("lvliang-5-2"), "关于支持园区建设的建议", List.of(DeputyId.of("zhu-heping")), false,
                Category.NOT_STATED, "", List.of("一是积极协调。"), Provenance.IMPORTED), metaData));
        // as 0.1.0 before revision 2 wrote it: no provenance, revision 1
        String revision1 = "{\"proposalId\":\"" + id.value() + "\",\"sessionId\":\"lvliang-5-2\","
                + "\"title\":\"关于支持园区建设的建议\",\"proposerIds\":[\"zhu-heping\"],\"andOthers\":false,"
                + "\"category\":\"NOT_STATED\",\"background\":\"\",\"suggestions\":[\"一是积极协调。\"]}";
        assertThat(jdbc.update("UPDATE DomainEventEntry SET payload = ?, payloadRevision = '1' WHERE aggregateIdentifier = ?",
                revision1.getBytes(StandardCharsets.UTF_8), id.value())).isEqualTo(1);

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(id.value()).asStream().toList();

        assertThat(read).hasSize(1);
        assertThat(((ProposalSubmitted) read.get(0).getPayload()).provenance()).isEqualTo(Provenance.IMPORTED);
        assertThat(((ProposalSubmitted) read.get(0).getPayload()).title()).isEqualTo("关于支持园区建设的建议");
    }
}
