package org.proposalledger.query.report;

import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.query.dashboard.Contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.proposalledger.query.report.KeyProposalsReport.Kind.HEADING;
import static org.proposalledger.query.report.KeyProposalsReport.Kind.SUGGESTION_TITLE;
import static org.proposalledger.query.report.KeyProposalsReport.Kind.TEXT;
import static org.proposalledger.query.report.KeyProposalsReport.Kind.TITLE;
import static org.proposalledger.query.report.KeyProposalsReport.Kind.UNIT;

/**
 * Writes the report from read models. Pure: the proposals and the names of units and deputies
 * come in, lines come out. Every figure in the preface is computed from the ledger, the rates by
 * the dashboards' definitions ({@link Contribution}, {@link Rates}); where the ledger has
 * nothing to compute a rate from, the preface says 未注明 (not stated) instead of a number.
 */
public final class KeyProposalsReportBuilder {

    public static final String NOT_STATED = "未注明";
    static final String TITLE_SUFFIX = "重点建议及办理情况";

    /** A unit as the units read model holds it. */
    public record Unit(String name, UnitKind kind) {
    }

    /** Which proposals appear: all handed in, except those rejected or withdrawn. */
    public static boolean listed(ProposalView p) {
        return !ProposalStatus.REJECTED.name().equals(p.status()) && !ProposalStatus.WITHDRAWN.name().equals(p.status());
    }

    public KeyProposalsReport build(String sessionName, List<ProposalView> proposals, Function<String, Unit> units,
                                    Function<String, String> deputyNames) {
        List<ProposalView> listed = proposals.stream().filter(KeyProposalsReportBuilder::listed)
                .sorted(Comparator.comparing((ProposalView p) -> p.submittedAt() == null ? Instant.EPOCH : p.submittedAt())
                        .thenComparing(ProposalView::id))
                .toList();
        List<KeyProposalsReport.Line> lines = new ArrayList<>();
        lines.add(new KeyProposalsReport.Line(TITLE, sessionName + TITLE_SUFFIX));
        lines.add(new KeyProposalsReport.Line(HEADING, "前言"));
        lines.add(new KeyProposalsReport.Line(TEXT, preface(sessionName, listed, units)));
        for (ProposalView p : listed) {
            lines.add(new KeyProposalsReport.Line(SUGGESTION_TITLE, p.title()));
            lines.add(new KeyProposalsReport.Line(HEADING, "建议者:" + proposers(p, deputyNames)));
            if (p.background() != null && !p.background().isBlank()) { // imported without background: none to write
                paragraphs(p.background()).forEach(t -> lines.add(new KeyProposalsReport.Line(TEXT, t)));
            }
            lines.add(new KeyProposalsReport.Line(HEADING, "建议:"));
            p.suggestions().forEach(t -> lines.add(new KeyProposalsReport.Line(TEXT, t)));
            lines.add(new KeyProposalsReport.Line(HEADING, "办理情况"));
            ProposalView.Reply reply = p.replies().isEmpty() ? null : p.replies().get(p.replies().size() - 1);
            if (reply == null) {
                lines.add(new KeyProposalsReport.Line(TEXT, "尚未答复。"));
            } else {
                paragraphs(reply.text()).forEach(t -> lines.add(new KeyProposalsReport.Line(TEXT, t)));
            }
            String unitId = reply != null ? reply.unitId() : p.leadUnitId();
            lines.add(new KeyProposalsReport.Line(UNIT, unitId == null ? "未交办" : unitName(unitId, units)));
        }
        return new KeyProposalsReport(lines);
    }

    private static String preface(String sessionName, List<ProposalView> listed, Function<String, Unit> units) {
        List<ProposalView> assigned = listed.stream().filter(p -> p.leadUnitId() != null).toList();
        Set<String> departments = new LinkedHashSet<>();
        Set<String> counties = new LinkedHashSet<>();
        for (ProposalView p : assigned) {
            List<String> handling = new ArrayList<>();
            handling.add(p.leadUnitId());
            handling.addAll(p.coUnitIds());
            for (String id : handling) {
                Unit u = units.apply(id);
                if (u != null && u.kind() == UnitKind.COUNTY) {
                    counties.add(id);
                } else if (u != null) {
                    departments.add(id);
                }
            }
        }
        // the rates of the dashboards, from the same counts: imported (undated) assignments are in the
        // reply base but give no basis for the consultation rate, since the report states none
        ScopeCounts counts = listed.stream().map(Contribution::counts).reduce(ScopeCounts.EMPTY, ScopeCounts::plus);
        StringBuilder s = new StringBuilder();
        s.append(sessionName).append("共有代表建议").append(listed.size()).append("件");
        if (assigned.isEmpty()) {
            s.append(",尚未交办");
        } else {
            s.append(",由").append(departments.size()).append("个市直部门和").append(counties.size())
                    .append("个县(市、区)人民政府承办");
        }
        s.append("。答复率").append(rate(Rates.fraction(counts, "replyRate")))
                .append(",面商率").append(rate(Rates.fraction(counts, "consultationRate")))
                .append(",满意率").append(rate(Rates.fraction(counts, "satisfactionRate"))).append("。");
        return s.toString();
    }

    static String rate(Rates.Fraction f) {
        return rate(f.successes(), f.base());
    }

    /** "75%（4件中3件）", or 未注明 when there is nothing to divide by. */
    static String rate(long part, long whole) {
        if (whole == 0) {
            return NOT_STATED;
        }
        BigDecimal pct = BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return pct.toPlainString() + "%(" + whole + "件中" + part + "件)";
    }

    private static String proposers(ProposalView p, Function<String, String> deputyNames) {
        List<String> names = p.proposers().stream().map(id -> {
            String name = deputyNames.apply(id);
            return name == null ? id : name;
        }).toList();
        return String.join(" ", names) + (p.andOthers() ? "等" : "");
    }

    private static String unitName(String id, Function<String, Unit> units) {
        Unit u = units.apply(id);
        return u == null ? id : u.name();
    }

    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of(NOT_STATED);
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** For tests and callers holding maps. */
    public static Function<String, Unit> units(Map<String, Unit> byId) {
        return byId::get;
    }
}
