package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLeafTest {

    static final Hash PAYLOAD = Hash.sha256("{\"title\":\"关于加快老旧小区改造的建议\"}".getBytes(StandardCharsets.UTF_8));
    static final Hash META = EventLeaf.metaDataSha256(Map.of("user", "office-1", "correlationId", "c-1"));

    static EventLeaf leaf() {
        return new EventLeaf("7f3c2a5e-1d2b-4c8e-9a61-3b5d7e9f0a12", "Proposal", "P-2024-001", 3,
                "org.proposalledger.api.proposal.ProposalRegistered", "1", Instant.parse("2024-03-01T08:00:00.123Z"),
                PAYLOAD, META);
    }

    @Test
    void encodesTheDocumentedLayoutFieldByField() {
        EventLeaf l = leaf();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        string(want, "proposal-ledger/event-leaf/v1");
        string(want, l.eventId());
        want.write(1);
        string(want, "Proposal");
        want.write(1);
        string(want, "P-2024-001");
        want.writeBytes(ByteBuffer.allocate(8).putLong(3).array());
        string(want, "org.proposalledger.api.proposal.ProposalRegistered");
        want.write(1);
        string(want, "1");
        want.writeBytes(ByteBuffer.allocate(8).putLong(Instant.parse("2024-03-01T08:00:00.123Z").toEpochMilli()).array());
        want.writeBytes(PAYLOAD.bytes());
        want.writeBytes(META.bytes());
        assertThat(l.encode()).isEqualTo(want.toByteArray());
        byte[] prefixed = new byte[want.size() + 1];
        System.arraycopy(want.toByteArray(), 0, prefixed, 1, want.size());
        assertThat(l.leafHash()).isEqualTo(Hash.sha256(prefixed)); // RFC 9162 leaf: 0x00 || input
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

    @Test
    void absentFieldsAreMarkedAndDecodeBack() {
        EventLeaf none = new EventLeaf("e-1", null, null, 0, "org.example.Ping", null, Instant.EPOCH, PAYLOAD, META);
        assertThat(EventLeaf.decode(none.encode())).isEqualTo(none);
        assertThat(EventLeaf.decode(leaf().encode())).isEqualTo(leaf());
        EventLeaf empty = new EventLeaf("e-1", null, null, 0, "org.example.Ping", "", Instant.EPOCH, PAYLOAD, META);
        assertThat(empty.leafHash()).as("absent and empty differ").isNotEqualTo(none.leafHash());
    }

    @Test
    void everyFieldChangesTheLeafAndNoFieldBoundaryCanShift() {
        EventLeaf l = leaf();
        Hash h = l.leafHash();
        List<EventLeaf> changed = new ArrayList<>(List.of(
                new EventLeaf("other", l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), "Session", l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), null, l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), "P-2024-002", l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), 4, l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), "org.example.Other", l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), "2", l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), null, l.timestamp(), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp().plusMillis(1), l.payloadSha256(), l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), META, l.metaDataSha256()),
                new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), PAYLOAD),
                // moving characters from one field to the next
                new EventLeaf(l.eventId(), "ProposalP", "-2024-001", l.sequence(), l.payloadType(), l.payloadRevision(), l.timestamp(), l.payloadSha256(), l.metaDataSha256())));
        for (EventLeaf c : changed) {
            assertThat(c.leafHash()).as(c.toString()).isNotEqualTo(h);
        }
        assertThat(changed.stream().map(EventLeaf::leafHash).distinct()).hasSize(changed.size());
    }

    @Test
    void timestampsAreKeptToTheMillisecondAsEveryStoreKeepsThem() {
        EventLeaf l = leaf();
        EventLeaf nanos = new EventLeaf(l.eventId(), l.aggregateType(), l.aggregateId(), l.sequence(), l.payloadType(),
                l.payloadRevision(), l.timestamp().plusNanos(456_789), l.payloadSha256(), l.metaDataSha256());
        assertThat(nanos).isEqualTo(l);
        assertThat(nanos.leafHash()).isEqualTo(l.leafHash());
    }

    @Test
    void refusesWhatCannotBeEncodedExactly() {
        assertThatThrownBy(() -> new EventLeaf("e\uD800", null, null, 0, "T", null, Instant.EPOCH, PAYLOAD, META))
                .as("unpaired surrogate").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventLeaf("", null, null, 0, "T", null, Instant.EPOCH, PAYLOAD, META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventLeaf("e", "Proposal", null, 0, "T", null, Instant.EPOCH, PAYLOAD, META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventLeaf("e", null, null, -1, "T", null, Instant.EPOCH, PAYLOAD, META))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] encoded = leaf().encode();
        assertThatThrownBy(() -> EventLeaf.decode(java.util.Arrays.copyOf(encoded, encoded.length + 1)))
                .hasMessageContaining("after the last field");
        assertThatThrownBy(() -> EventLeaf.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)))
                .hasMessageContaining("truncated");
        encoded[8] = 'X';
        assertThatThrownBy(() -> EventLeaf.decode(encoded)).hasMessageContaining("not an event leaf");
    }

    @Test
    void metadataHashesByContentNotByMapOrderOrNumberClass() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("user", "office-1");
        a.put("role", "OFFICE");
        a.put("count", 5);
        Map<String, Object> b = new TreeMap<>();
        b.put("count", 5L); // Axon Server reads integers back as Long, Jackson as Integer
        b.put("role", "OFFICE");
        b.put("user", "office-1");
        assertThat(EventLeaf.metaDataSha256(a)).isEqualTo(EventLeaf.metaDataSha256(b));
        assertThat(EventLeaf.metaDataSha256(Map.of("x", 0.1f))).isEqualTo(EventLeaf.metaDataSha256(Map.of("x", 0.1d)));
        assertThat(EventLeaf.metaDataSha256(Map.of("x", new BigDecimal("2.50")))).isEqualTo(EventLeaf.metaDataSha256(Map.of("x", 2.5d)));
        assertThat(EventLeaf.metaDataSha256(Map.of("x", BigInteger.TEN))).isEqualTo(EventLeaf.metaDataSha256(Map.of("x", 10)));
        assertThat(EventLeaf.metaDataSha256(null)).isEqualTo(EventLeaf.metaDataSha256(Map.of()));
    }

    @Test
    void metadataDistinguishesTypesValuesAndStructure() {
        List<Map<String, Object>> maps = new ArrayList<>();
        maps.add(Map.of("x", "1"));
        maps.add(Map.of("x", 1));
        maps.add(Map.of("x", 1.0));
        maps.add(Map.of("x", true));
        maps.add(Map.of("x", "true"));
        maps.add(Map.of("x", List.of("1")));
        maps.add(Map.of("x", Map.of("y", "1")));
        maps.add(Map.of("xy", "1"));
        maps.add(Map.of("x", "1", "y", ""));
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("x", null);
        maps.add(nullValue);
        maps.add(Map.of());
        maps.add(Map.of("ledgerHash", "ab", "ledgerPreviousHash", ""));
        maps.add(Map.of("ledgerHash", "ab", "ledgerPreviousHash", "cd"));
        assertThat(maps.stream().map(EventLeaf::metaDataSha256).distinct()).hasSize(maps.size());
        assertThatThrownBy(() -> EventLeaf.metaDataSha256(Map.of("x", new Object())))
                .hasMessageContaining("no canonical encoding");
        assertThatThrownBy(() -> EventLeaf.metaDataSha256(Map.of("x", Double.NaN))).hasMessageContaining("not finite");
    }

    @Test
    void metadataKeysAreOrderedByTheirUtf8Bytes() {
        // U+FF21 comes after U+1F600's first UTF-16 unit (0xD83D) but before its UTF-8 bytes (0xF0...):
        // the order is the bytes', whatever order the map gives
        Map<String, Object> m1 = new LinkedHashMap<>();
        m1.put("\uFF21", "a");
        m1.put("\uD83D\uDE00", "b");
        Map<String, Object> m2 = new LinkedHashMap<>();
        m2.put("\uD83D\uDE00", "b");
        m2.put("\uFF21", "a");
        assertThat(EventLeaf.metaDataSha256(m1)).isEqualTo(EventLeaf.metaDataSha256(m2));
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        string(want, "proposal-ledger/metadata/v1");
        want.write(5); // map
        want.writeBytes(ByteBuffer.allocate(4).putInt(2).array());
        string(want, "\uFF21"); // EF BC A1 sorts before F0 9F 98 80
        want.write(1); // string
        string(want, "a");
        string(want, "\uD83D\uDE00");
        want.write(1);
        string(want, "b");
        assertThat(EventLeaf.metaDataSha256(m1)).isEqualTo(Hash.sha256(want.toByteArray()));
    }
}
