package org.proposalledger.platform.audit;

import org.proposalledger.api.security.Actor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical encoding of a stored event for the tamper-evident chain, and its SHA-256.
 * <p>
 * Every input is taken as the JDBC engine stores it — payload type and revision, the
 * timestamp string (millisecond precision, as {@code DateTimeUtils.formatInstant} writes it)
 * and the serialized payload bytes — so verification hashes the stored row itself and
 * upcasting, which only changes what is read, never breaks the chain. Fields are written with
 * a length prefix (−1 for null), so no two different events encode alike.
 */
public final class EventChain {

    /** Metadata key of the event's own hash. */
    public static final String HASH = "ledgerHash";
    /** Metadata key of the hash of the aggregate's previous event ("" for the first chained event). */
    public static final String PREVIOUS = "ledgerPreviousHash";
    /** The previous hash of an aggregate's first event, and of the first event after unchained ones. */
    public static final String GENESIS = "";

    private static final byte[] VERSION = "ledger-chain-v1".getBytes(StandardCharsets.UTF_8);

    private EventChain() {
    }

    /** What is hashed of one stored event. Actor fields come from the event's metadata. */
    public record Link(String aggregateType, String aggregateId, long sequence, String payloadType,
                       String payloadRevision, String timestamp, byte[] payload, Map<String, ?> metaData,
                       String previousHash) {
    }

    public static String hash(Link l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(l.payload().length + 256);
        field(out, VERSION);
        field(out, l.aggregateType());
        field(out, l.aggregateId());
        field(out, Long.toString(l.sequence()));
        field(out, l.payloadType());
        field(out, l.payloadRevision());
        field(out, l.timestamp());
        field(out, l.payload());
        for (String key : new String[]{Actor.USER, Actor.ROLE, Actor.UNIT_ID, Actor.DEPUTY_ID, Actor.CORRELATION_ID}) {
            Object value = l.metaData().get(key);
            field(out, value == null ? null : value.toString());
        }
        field(out, l.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? -1 : value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (value != null) {
            out.write(value, 0, value.length);
        }
    }
}
