package org.proposalledger.api.transparency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event as the log commits to it: its leaf input is {@link #encode()}, its leaf hash
 * {@code SHA-256(0x00 || encode())}. Build it from what the store holds (the stored payload bytes,
 * the stored metadata, the stored timestamp), never from the in-memory message, so that anyone who
 * reads the store later computes the same leaf.
 * <p>
 * Encoding, version 1 (all integers big-endian; {@code string} is a u32 byte length and that many
 * bytes of strict UTF-8; {@code optional} is a byte 0 for absent, or 1 followed by the value):
 * <pre>
 *   string    tag = "proposal-ledger/event-leaf/v1"
 *   string    eventId
 *   optional  aggregateType        absent for an event without an aggregate
 *   optional  aggregateId
 *   u64       sequence             the aggregate sequence number (0 without an aggregate)
 *   string    payloadType
 *   optional  payloadRevision
 *   u64       timestamp            milliseconds since 1970-01-01T00:00Z, two's complement
 *   byte[32]  payloadSha256        SHA-256 of the serialized payload bytes as stored
 *   byte[32]  metaDataSha256       SHA-256 of the metadata, see {@link #metaDataSha256(Map)}
 * </pre>
 * Every variable field has its length before it and the fields have one order, so two different
 * leaves never encode alike; the tag names the version, and a new version gets a new tag.
 * Timestamps are kept to the millisecond, the precision every Axon event store stores.
 */
public record EventLeaf(String eventId, String aggregateType, String aggregateId, long sequence,
                        String payloadType, String payloadRevision, Instant timestamp,
                        Hash payloadSha256, Hash metaDataSha256) {

    /** The first field of every version 1 leaf. */
    public static final String TAG = "proposal-ledger/event-leaf/v1";
    /** The first field of the canonical metadata encoding, version 1. */
    public static final String METADATA_TAG = "proposal-ledger/metadata/v1";

    public EventLeaf {
        if (eventId == null || eventId.isEmpty()) {
            throw new IllegalArgumentException("an event leaf needs the event identifier");
        }
        if (payloadType == null) {
            throw new IllegalArgumentException("an event leaf needs the payload type");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers start at 0, not " + sequence);
        }
        if (aggregateType != null && aggregateId == null) {
            throw new IllegalArgumentException("an aggregate type needs an aggregate identifier");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
        Objects.requireNonNull(metaDataSha256, "metaDataSha256");
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
        for (String text : new String[]{eventId, aggregateType, aggregateId, payloadType, payloadRevision}) {
            if (text != null) {
                Canonical.utf8(text); // refuses text that UTF-8 cannot carry, so encode() never fails
            }
        }
    }

    /** A leaf from the stored payload bytes and the stored metadata. */
    public static EventLeaf of(String eventId, String aggregateType, String aggregateId, long sequence,
                               String payloadType, String payloadRevision, Instant timestamp,
                               byte[] payload, Map<String, ?> metaData) {
        return new EventLeaf(eventId, aggregateType, aggregateId, sequence, payloadType, payloadRevision, timestamp,
                Hash.sha256(payload), metaDataSha256(metaData));
    }

    /** The leaf input: the version 1 encoding above. */
    public byte[] encode() {
        return new Canonical.Writer()
                .string(TAG)
                .string(eventId)
                .optionalString(aggregateType)
                .optionalString(aggregateId)
                .u64(sequence)
                .string(payloadType)
                .optionalString(payloadRevision)
                .u64(timestamp.toEpochMilli())
                .hash(payloadSha256)
                .hash(metaDataSha256)
                .bytes();
    }

    /** {@code SHA-256(0x00 || encode())}. */
    public Hash leafHash() {
        return MerkleTree.leafHash(encode());
    }

    /** Reads a leaf input back; refuses anything but an exact version 1 encoding. */
    public static EventLeaf decode(byte[] leafInput) {
        Canonical.Reader r = new Canonical.Reader(leafInput);
        String tag = r.string();
        if (!TAG.equals(tag)) {
            throw new IllegalArgumentException("not an event leaf of version 1 (tag " + tag + ")");
        }
        EventLeaf leaf = new EventLeaf(r.string(), r.optionalString(), r.optionalString(), r.u64(), r.string(),
                r.optionalString(), Instant.ofEpochMilli(r.u64()), r.hash(), r.hash());
        r.end();
        return leaf;
    }

    /**
     * SHA-256 of the canonical encoding of an event's metadata, the same whichever store it was read
     * back from (a JDBC row's JSON, Axon Server's typed values):
     * <pre>
     *   string  tag = "proposal-ledger/metadata/v1"
     *   value   the map
     * </pre>
     * where a value is a type byte and its content: 0 null; 1 string; 2 boolean (a byte 0 or 1);
     * 3 integer (Byte, Short, Integer, Long, BigInteger) as a decimal string; 4 other number
     * (Float, Double, BigDecimal; finite) as the string of its shortest decimal without trailing
     * zeros; 5 map: u32 count, then each entry's key (string) and value, keys in the order of their
     * UTF-8 bytes; 6 list: u32 count, then each value in order. Any other type is refused: store it
     * as a string.
     */
    public static Hash metaDataSha256(Map<String, ?> metaData) {
        Canonical.Writer w = new Canonical.Writer().string(METADATA_TAG);
        value(w, metaData == null ? Map.of() : metaData);
        return Hash.sha256(w.bytes());
    }

    private static void value(Canonical.Writer w, Object v) {
        if (v == null) {
            w.u8(0);
        } else if (v instanceof CharSequence s) {
            w.u8(1).string(s.toString());
        } else if (v instanceof Boolean b) {
            w.u8(2).u8(b ? 1 : 0);
        } else if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                || v instanceof BigInteger) {
            w.u8(3).string(v.toString());
        } else if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
            w.u8(4).string(decimal((Number) v));
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<byte[], Object>> entries = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("metadata keys are strings, not " + e.getKey());
                }
                entries.add(new AbstractMap.SimpleImmutableEntry<>(Canonical.utf8(k), e.getValue()));
            }
            entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
            w.u8(5).u32(entries.size());
            for (Map.Entry<byte[], Object> e : entries) {
                w.u32(e.getKey().length).bytes(e.getKey());
                value(w, e.getValue());
            }
        } else if (v instanceof Collection<?> c) {
            w.u8(6).u32(c.size());
            for (Object o : c) {
                value(w, o);
            }
        } else {
            throw new IllegalArgumentException("metadata value of type " + v.getClass().getName()
                    + " has no canonical encoding; store it as a string");
        }
    }

    private static String decimal(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else {
            double x = n.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("metadata number " + n + " is not finite");
            }
            // Float.toString gives the float's shortest decimal, so 0.1f hashes as 0.1 does after a JSON round trip
            d = new BigDecimal(n instanceof Float f ? Float.toString(f) : Double.toString(x));
        }
        d = d.stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toString();
    }
}
