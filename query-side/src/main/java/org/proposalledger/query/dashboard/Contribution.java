package org.proposalledger.query.dashboard;

import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.ScopeCounts;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one proposal, as it stands, adds to the counters of each scope it belongs to — the
 * single definition of every count behind the rates (the rates themselves are
 * {@link org.proposalledger.api.query.dashboard.Rates}). Pure: derived from the folded
 * {@link ProposalView} alone, so a projection can subtract a proposal's old contribution and
 * add its new one whenever it changes.
 * <p>
 * Definitions:
 * <ul>
 *   <li><b>assigned</b> (the base of the reply rate): the proposal has a lead unit and is neither
 *   withdrawn nor rejected. A withdrawn or rejected proposal is outside every base; one returned
 *   by its unit and not yet reassigned is outside until reassigned. A re-handled proposal is one
 *   proposal: it counts once.</li>
 *   <li><b>undatedAssigned</b>: assigned without an assignment date — imported from a published
 *   report, which states that it was assigned and answered but no dates. Such a proposal counts
 *   as assigned and (with its reply) replied, but is outside the base of the on-time and
 *   consultation rates ({@link ScopeCounts#datedAssigned()}): it is never on time, late,
 *   consulted, overdue or in the days-to-reply histogram.</li>
 *   <li><b>replied</b>: it has at least one reply. <b>repliedOnTime</b>: the assignment is dated
 *   and its first reply was not late (by the due date in force then, extensions included) —
 *   re-handling rounds do not change whether the legal deadline was met.</li>
 *   <li><b>consultedBeforeFirstReply</b>: the assignment is dated and a consultation was held
 *   before the first reply.</li>
 *   <li><b>rated</b> and its split: the latest rating given counts. A proposal re-handled after
 *   "unsatisfied" keeps counting as unsatisfied until the deputy rates the new reply, which then
 *   replaces it (it never counts twice).</li>
 *   <li><b>overdue</b>: the due date passed with no reply and no extension since (the
 *   {@code ReplyOverdue} fact, cleared by a reply, an extension or re-handling).</li>
 *   <li><b>class A–D</b>: the classification of the latest reply.</li>
 *   <li><b>daysToReply</b>: calendar days from assignment to the first reply.</li>
 * </ul>
 * Scopes: the session; the lead unit (co-units are not credited with the lead unit's reply);
 * the category; every proposer (a joint proposal counts once for each of its proposers).
 */
public final class Contribution {

    private Contribution() {
    }

    /** Counter document ids; every id is valid in ids ([A-Za-z0-9._-]), so '|' separates safely. */
    public static String sessionScope(String sessionId) {
        return "s|" + sessionId;
    }

    public static String unitScope(String sessionId, String unitId) {
        return "u|" + sessionId + "|" + unitId;
    }

    public static String categoryScope(String sessionId, String category) {
        return "c|" + sessionId + "|" + category;
    }

    public static String deputyScope(String sessionId, String deputyId) {
        return "d|" + sessionId + "|" + deputyId;
    }

    /** Whether the proposal is in the base of the rates. */
    public static boolean inBase(ProposalView v) {
        return v != null && v.sessionId() != null && v.leadUnitId() != null
                && !"WITHDRAWN".equals(v.status()) && !"REJECTED".equals(v.status());
    }

    /** The proposal's counts on its own (all zero and empty map when outside the base). */
    public static ScopeCounts counts(ProposalView v) {
        if (!inBase(v)) {
            return ScopeCounts.EMPTY;
        }
        List<ProposalView.Reply> replies = v.replies().stream()
                .sorted(Comparator.comparingInt(ProposalView.Reply::round)).toList();
        ProposalView.Reply first = replies.isEmpty() ? null : replies.get(0);
        ProposalView.Reply latest = replies.isEmpty() ? null : replies.get(replies.size() - 1);
        ProposalView.RatingEntry rating = v.ratings().isEmpty() ? null : v.ratings().get(v.ratings().size() - 1);
        String r = rating == null ? null : rating.rating();
        String cls = latest == null ? null : latest.classification();
        boolean dated = v.assignedOn() != null;
        Map<Integer, Long> days = Map.of();
        if (dated && first != null && first.repliedOn() != null) {
            long d = Math.max(0, ChronoUnit.DAYS.between(v.assignedOn(), first.repliedOn()));
            days = Map.of((int) d, 1L);
        }
        boolean consulted = dated && v.consultations().stream().anyMatch(ProposalView.Consultation::beforeFirstReply);
        return new ScopeCounts(1, one(!dated), one(first != null), one(dated && first != null && !first.late()),
                one(consulted), one(r != null), one("SATISFIED".equals(r)), one("BASICALLY_SATISFIED".equals(r)),
                one("UNSATISFIED".equals(r)), one(dated && v.overdue()),
                one("A".equals(cls)), one("B".equals(cls)), one("C".equals(cls)), one("D".equals(cls)), days);
    }

    private static long one(boolean b) {
        return b ? 1 : 0;
    }

    /** The proposal's counts under each counter document id it belongs to; empty outside the base. */
    public static Map<String, ScopeCounts> of(ProposalView v) {
        ScopeCounts c = counts(v);
        Map<String, ScopeCounts> out = new LinkedHashMap<>();
        if (c.isEmpty()) {
            return out;
        }
        String s = v.sessionId();
        out.put(sessionScope(s), c);
        out.put(unitScope(s, v.leadUnitId()), c);
        if (v.category() != null) {
            out.put(categoryScope(s, v.category()), c);
        }
        Set<String> proposers = new LinkedHashSet<>(v.proposers());
        for (String p : proposers) {
            out.put(deputyScope(s, p), c);
        }
        return out;
    }

    /** What changes in each counter document when a proposal goes from {@code before} to {@code after}. */
    public static Map<String, ScopeCounts> delta(ProposalView before, ProposalView after) {
        Map<String, ScopeCounts> out = new LinkedHashMap<>();
        of(after).forEach((k, c) -> out.merge(k, c, ScopeCounts::plus));
        of(before).forEach((k, c) -> out.merge(k, ScopeCounts.EMPTY.minus(c), ScopeCounts::plus));
        out.values().removeIf(ScopeCounts::isEmpty);
        return out;
    }
}
