package org.proposalledger.query.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.reference.UnitKind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyProposalsReportBuilderTest {

    private static final Map<String, KeyProposalsReportBuilder.Unit> UNITS = Map.of(
            "commerce", new KeyProposalsReportBuilder.Unit("吕梁市商务局", UnitKind.DEPARTMENT),
            "education", new KeyProposalsReportBuilder.Unit("吕梁市教育局", UnitKind.DEPARTMENT),
            "xiaoyi", new KeyProposalsReportBuilder.Unit("孝义市人民政府", UnitKind.COUNTY));
    private static final Map<String, String> DEPUTIES = Map.of("zhu", "朱和平", "gao", "高永红", "sun", "孙杰连");

    private final KeyProposalsReportBuilder builder = new KeyProposalsReportBuilder();

    static ProposalView view(String id, int second, String status, String lead, LocalDate assignedOn,
                             List<ProposalView.Consultation> consultations, List<ProposalView.Reply> replies,
                             List<ProposalView.RatingEntry> ratings) {
        return new ProposalView(id, "s", "未注明", "关于" + id + "的建议", List.of("gao", "sun"), true, "NOT_STATED",
                "背景一。\n背景二。", List.of("一是甲。", "二是乙。"), status, false, null, lead, List.of(), assignedOn, null,
                false, List.of(), List.of(), List.of(), consultations, replies, ratings, List.of(), null, null, null,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(second), Instant.now(), 1,
                null, null, List.of(), null);
    }

    static ProposalView.Reply reply(String unit, String text) {
        return new ProposalView.Reply(1, unit, "NOT_STATED", text, "单位", null, null, false);
    }

    private String text(List<ProposalView> views) {
        return builder.build("某市某会议", views, UNITS::get, DEPUTIES::get).toText();
    }

    @Test
    void writesEachSuggestionInThePublishedLayoutInSubmissionOrder() {
        String out = text(List.of(
                view("b", 2, "REPLIED", "xiaoyi", null, List.of(), List.of(reply("xiaoyi", "办理一。\n办理二。")), List.of()),
                view("a", 1, "REPLIED", "commerce", null, List.of(), List.of(reply("commerce", "已办理。")), List.of())));

        assertThat(out).startsWith("某市某会议重点建议及办理情况\n\n前言\n\n");
        assertThat(out).contains("""
                关于a的建议

                建议者:高永红 孙杰连等

                背景一。

                背景二。

                建议:

                一是甲。

                二是乙。

                办理情况

                已办理。

                吕梁市商务局

                关于b的建议""");
        assertThat(out).endsWith("办理一。\n\n办理二。\n\n孝义市人民政府\n\n");
    }

    @Test
    void prefaceCountsUnitsByKindAndSaysNotStatedWhereTheLedgerHasNoData() {
        String out = text(List.of(
                view("a", 1, "REPLIED", "commerce", null, List.of(), List.of(reply("commerce", "已办理。")), List.of()),
                view("b", 2, "REPLIED", "xiaoyi", null, List.of(), List.of(reply("xiaoyi", "已办理。")), List.of())));

        assertThat(out).contains("某市某会议共有代表建议2件,由1个市直部门和1个县(市、区)人民政府承办。"
                + "答复率100%(2件中2件),面商率未注明,满意率未注明。");
    }

    @Test
    void ratesComeFromTheLedgerWhenItHasThem() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        ProposalView.Consultation before = new ProposalView.Consultation("commerce", on, "PHONE", List.of(), null, true);
        String out = text(List.of(
                view("a", 1, "REPLIED", "commerce", on, List.of(before), List.of(reply("commerce", "已办理。")),
                        List.of(new ProposalView.RatingEntry(1, "gao", "SATISFIED", null, Instant.now()))),
                view("b", 2, "REPLIED", "education", on, List.of(), List.of(reply("education", "已办理。")),
                        List.of(new ProposalView.RatingEntry(1, "gao", "UNSATISFIED", null, Instant.now()))),
                view("c", 3, "ASSIGNED", "education", on, List.of(), List.of(), List.of()),
                view("d", 4, "WITHDRAWN", null, null, List.of(), List.of(), List.of())));

        assertThat(out).contains("共有代表建议3件,由2个市直部门和0个县(市、区)人民政府承办。"
                + "答复率66.7%(3件中2件),面商率33.3%(3件中1件),满意率50%(2件中1件)。");
        assertThat(out).doesNotContain("关于d的建议");
        assertThat(out).contains("关于c的建议").contains("办理情况\n\n尚未答复。\n\n吕梁市教育局");
    }

    @Test
    void thePrefaceRatesAreTheDashboardRates() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        ProposalView.Consultation before = new ProposalView.Consultation("commerce", on, "PHONE", List.of(), null, true);
        List<ProposalView> views = List.of(
                // imported from a report: assigned and replied, undated
                view("a", 1, "REPLIED", "commerce", null, List.of(), List.of(reply("commerce", "已办理。")), List.of()),
                view("b", 2, "REPLIED", "xiaoyi", null, List.of(), List.of(reply("xiaoyi", "已办理。")), List.of()),
                // followed by the ledger from a dated assignment
                view("c", 3, "REPLIED", "commerce", on, List.of(before), List.of(reply("commerce", "已办理。")),
                        List.of(new ProposalView.RatingEntry(1, "gao", "BASICALLY_SATISFIED", null, Instant.now()))),
                view("d", 4, "ASSIGNED", "education", on, List.of(), List.of(), List.of()),
                view("e", 5, "REJECTED", null, null, List.of(), List.of(), List.of()));
        ScopeCounts counts = views.stream().map(org.proposalledger.query.dashboard.Contribution::counts)
                .reduce(ScopeCounts.EMPTY, ScopeCounts::plus);
        Rates rates = Rates.of(counts);

        // the dashboards: reply 3 of 4 (imported ones included), consultation 1 of the 2 dated, satisfaction 1 of 1
        assertThat(rates.replyRate()).isEqualTo(0.75);
        assertThat(rates.consultationRate()).isEqualTo(0.5);
        assertThat(rates.satisfactionRate()).isEqualTo(1.0);
        assertThat(text(views)).contains("答复率75%(4件中3件),面商率50%(2件中1件),满意率100%(1件中1件)。");
    }

    @Test
    void noBackgroundParagraphWhenTheLedgerHoldsNone() {
        ProposalView v = view("a", 1, "REPLIED", "commerce", null, List.of(), List.of(reply("commerce", "已办理。")), List.of());
        ProposalView noBackground = new ProposalView(v.id(), v.sessionId(), v.number(), v.title(), v.proposers(),
                v.andOthers(), v.category(), "", v.suggestions(), v.status(), v.key(), v.supervisingLeader(),
                v.leadUnitId(), v.coUnitIds(), v.assignedOn(), v.dueOn(), v.overdue(), v.extensions(), v.returns(),
                v.coOpinions(), v.consultations(), v.replies(), v.ratings(), v.followUps(), v.rejectionReason(),
                v.withdrawalReason(), v.closingDecision(), v.submittedAt(), v.updatedAt(), v.version(),
                v.returnWindowEndsOn(), v.coOpinionDueOn(), v.coUnitsOverdue(), v.remindedFor());

        assertThat(text(List.of(noBackground))).contains("建议者:高永红 孙杰连等\n\n建议:\n\n一是甲。");
    }

    @Test
    void anEmptySessionStatesNoRates() {
        assertThat(text(List.of())).contains("某市某会议共有代表建议0件,尚未交办。答复率未注明,面商率未注明,满意率未注明。");
    }

    @Test
    void docxHoldsTheSameParagraphs() throws IOException {
        KeyProposalsReport report = builder.build("某市某会议",
                List.of(view("a", 1, "REPLIED", "commerce", null, List.of(), List.of(reply("commerce", "已办理。")), List.of())),
                UNITS::get, DEPUTIES::get);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(new DocxWriter().write(report)))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactlyElementsOf(report.lines().stream().map(KeyProposalsReport.Line::text).toList());
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
        }
    }
}
