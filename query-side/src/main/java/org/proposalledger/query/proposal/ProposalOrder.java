package org.proposalledger.query.proposal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of a proposal list: one sort key, kept per document under {@code sortKeys} as a
 * string that compares correctly as a string, then {@code _id} as tie-breaker in the same
 * direction, so one index {@code (key, _id)} serves both directions. A page starts strictly
 * after the (key, id) position the cursor carries; proposals without the key (null) come first
 * ascending and last descending, as MongoDB sorts them.
 */
public final class ProposalOrder {

    static final String KEYS = "sortKeys";
    public static final ProposalOrder BY_ID = new ProposalOrder("id", false);

    /** Instants at fixed width (nine fraction digits), so that later is greater as text. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String field;
    private final boolean descending;

    private ProposalOrder(String field, boolean descending) {
        this.field = field;
        this.descending = descending;
    }

    /** {@code sort} as {@link ListProposals} takes it; IllegalArgumentException for an unknown field. */
    public static ProposalOrder parse(String sort) {
        if (sort == null) {
            return BY_ID;
        }
        if (!ListProposals.isSort(sort)) {
            throw new IllegalArgumentException("sort must be one of " + ListProposals.SORT_FIELDS
                    + ", optionally prefixed with '-'");
        }
        boolean desc = sort.startsWith("-");
        return new ProposalOrder(desc ? sort.substring(1) : sort, desc);
    }

    boolean byId() {
        return "id".equals(field);
    }

    /** As the client wrote it, e.g. {@code -submittedAt}; part of every cursor of this order. */
    String spec() {
        return (descending ? "-" : "") + field;
    }

    private String path() {
        return KEYS + "." + field;
    }

    Bson sort() {
        if (byId()) {
            return descending ? Sorts.descending("_id") : Sorts.ascending("_id");
        }
        return descending ? Sorts.descending(path(), "_id") : Sorts.ascending(path(), "_id");
    }

    /** Where a document stands in this order. */
    Position position(Document doc) {
        String id = doc.getString("_id");
        if (byId()) {
            return new Position(null, id);
        }
        Object keys = doc.get(KEYS);
        return new Position(keys instanceof Document d ? d.getString(field) : null, id);
    }

    /**
     * Everything strictly after {@code p}. Null keys are matched explicitly, so the filter is the
     * same whether the server compares across types (the embedded one) or only within a type
     * (MongoDB's type bracketing).
     */
    Bson after(Position p) {
        if (byId()) {
            return descending ? Filters.lt("_id", p.id()) : Filters.gt("_id", p.id());
        }
        String k = path();
        if (!descending) {
            return p.key() == null
                    ? Filters.or(Filters.and(Filters.eq(k, null), Filters.gt("_id", p.id())), Filters.ne(k, null))
                    : Filters.or(Filters.gt(k, p.key()), Filters.and(Filters.eq(k, p.key()), Filters.gt("_id", p.id())));
        }
        return p.key() == null
                ? Filters.and(Filters.eq(k, null), Filters.lt("_id", p.id()))
                : Filters.or(Filters.lt(k, p.key()), Filters.and(Filters.eq(k, p.key()), Filters.lt("_id", p.id())),
                Filters.eq(k, null));
    }

    /** A (sort key, id) position in the list. */
    public record Position(String key, String id) {
    }

    /** The sort keys a proposal document carries (not part of the view: read back, they are ignored). */
    static Document keysOf(ProposalView v) {
        Document keys = new Document();
        keys.put("submittedAt", instant(v.submittedAt()));
        keys.put("updatedAt", instant(v.updatedAt()));
        keys.put("number", number(v.number()));
        keys.put("status", status(v.status()));
        keys.put("dueOn", v.dueOn() == null ? null : v.dueOn().toString());
        return keys;
    }

    /** The fields the list can be sorted by, each needing its index on real MongoDB. */
    static List<String> sortedFields() {
        return ListProposals.SORT_FIELDS.stream().filter(f -> !"id".equals(f)).map(f -> KEYS + "." + f).toList();
    }

    private static String instant(Instant at) {
        return at == null ? null : INSTANT.format(at);
    }

    /** Digit runs as numbers: 第9号 before 第10号 before 第0011号. */
    static String number(String number) {
        if (number == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(number);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceFirst("^0+(?=\\d)", "");
            m.appendReplacement(out, "0".repeat(Math.max(0, 20 - digits.length())) + digits);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Lifecycle order: submitted, registered, rejected, assigned, replied, re-handling, closed, withdrawn. */
    static String status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return String.format("%02d-%s", ProposalStatus.valueOf(status).ordinal(), status);
        } catch (IllegalArgumentException e) {
            return "99-" + status;
        }
    }
}
