package org.proposalledger.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain on every database the event store runs on: events get chained as they are
 * published, and tampering with the stored rows by hand is found and named.
 */
abstract class ChainContract {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainVerifier verifier;

    private final String aggregateId = "session:" + UUID.randomUUID();
    private final SessionId session = SessionId.of("s-" + UUID.randomUUID());

    private DomainEventMessage<?> event(long sequence) {
        MetaData metaData = Actor.office("office").metaData("c-" + sequence);
        Object payload = sequence == 0
                ? new CongressSessionRegistered(session, "第" + sequence + "次会议", LocalDate.of(2022, 1, 5))
                : new CongressSessionUpdated(session, "第" + sequence + "次会议", LocalDate.of(2022, 1, 5).plusDays(sequence));
        return new GenericDomainEventMessage<>("CongressSession", aggregateId, sequence, payload, metaData);
    }

    /** Five events in three transactions, so links cross unit-of-work boundaries. */
    private void appendFive() {
        transactionManager.executeInTransaction(() -> eventStore.publish(event(0), event(1)));
        transactionManager.executeInTransaction(() -> eventStore.publish(event(2)));
        eventStore.publish(event(3), event(4)); // outside any unit of work
    }

    @Test
    void every_published_event_carries_a_hash_linked_to_the_previous_one_and_the_chain_verifies() {
        appendFive();

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(aggregateId).asStream().toList();
        assertThat(read).hasSize(5);
        assertThat(read.get(0).getMetaData()).containsEntry(EventChain.PREVIOUS, EventChain.GENESIS);
        for (int i = 1; i < 5; i++) {
            assertThat(read.get(i).getMetaData().get(EventChain.PREVIOUS))
                    .isEqualTo(read.get(i - 1).getMetaData().get(EventChain.HASH));
        }
        ChainReport report = verifier.verify(aggregateId);
        assertThat(report.status()).isEqualTo(ChainReport.INTACT);
        assertThat(report.chained()).isEqualTo(5);
        assertThat(report.headHash()).isEqualTo(read.get(4).getMetaData().get(EventChain.HASH));
    }

    @Test
    void an_altered_payload_is_named_with_its_sequence() {
        appendFive();
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", byte[].class, aggregateId);
        byte[] altered = new String(payload, StandardCharsets.UTF_8).replace("第2次会议", "第9次会议")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(payload);
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                altered, aggregateId);

        ChainReport report = verifier.verify(aggregateId);

        assertThat(report.status()).isEqualTo(ChainReport.BROKEN);
        assertThat(report.brokenAtSequence()).isEqualTo(2);
        assertThat(report.problem()).isEqualTo("payload-altered");
    }

    @Test
    void a_deleted_event_is_named_as_missing() {
        appendFive();
        jdbc.update("DELETE FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = 3", aggregateId);

        ChainReport report = verifier.verify(aggregateId);

        assertThat(report.status()).isEqualTo(ChainReport.BROKEN);
        assertThat(report.brokenAtSequence()).isEqualTo(3);
        assertThat(report.problem()).isEqualTo("event-missing");
    }

    @Test
    void two_events_with_swapped_sequence_numbers_are_named_as_reordered() {
        appendFive();
        String sql = "UPDATE domainevententry SET sequenceNumber = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?";
        transactionManager.executeInTransaction(() -> {
            jdbc.update(sql, -1, aggregateId, 1);
            jdbc.update(sql, 1, aggregateId, 2);
            jdbc.update(sql, 2, aggregateId, -1);
        });

        ChainReport report = verifier.verify(aggregateId);

        assertThat(report.status()).isEqualTo(ChainReport.BROKEN);
        assertThat(report.brokenAtSequence()).isEqualTo(1);
        assertThat(report.problem()).isEqualTo("order-changed");
    }

    @Test
    void events_stored_before_the_chain_are_unchained_not_broken_and_a_new_chain_follows_them() throws Exception {
        transactionManager.executeInTransaction(() -> eventStore.publish(event(0), event(1)));
        // as an earlier version stored them: actor metadata, no hash
        byte[] plain = new ObjectMapper().writeValueAsBytes(Map.of(Actor.USER, "office", Actor.ROLE, "OFFICE"));
        jdbc.update("UPDATE domainevententry SET metaData = ? WHERE aggregateIdentifier = ?", plain, aggregateId);
        transactionManager.executeInTransaction(() -> eventStore.publish(event(2)));
        eventStore.publish(event(3));

        ChainReport report = verifier.verify(aggregateId);

        assertThat(report.status()).isEqualTo(ChainReport.INTACT);
        assertThat(report.unchained()).isEqualTo(2);
        assertThat(report.chained()).isEqualTo(2);
    }

    @Test
    void removing_the_hash_from_a_chained_event_breaks_the_chain() throws Exception {
        appendFive();
        byte[] plain = new ObjectMapper().writeValueAsBytes(Map.of(Actor.USER, "office", Actor.ROLE, "OFFICE"));
        jdbc.update("UPDATE domainevententry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                plain, aggregateId);

        ChainReport report = verifier.verify(aggregateId);

        assertThat(report.status()).isEqualTo(ChainReport.BROKEN);
        assertThat(report.brokenAtSequence()).isEqualTo(1);
    }

    @Test
    void verifying_the_whole_store_counts_intact_and_broken_aggregates() {
        appendFive();
        ChainSummary before = verifier.verifyAll();
        jdbc.update("DELETE FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = 0", aggregateId);

        ChainSummary after = verifier.verifyAll();

        assertThat(after.broken()).isEqualTo(before.broken() + 1);
        assertThat(after.intact()).isEqualTo(before.intact() - 1);
        assertThat(after.firstBroken()).anySatisfy(r -> {
            assertThat(r.aggregateId()).isEqualTo(aggregateId);
            assertThat(r.problem()).isEqualTo("event-missing");
            assertThat(r.brokenAtSequence()).isZero();
        });
    }
}
