package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.proposalledger.command.imports.PublishedReport;
import org.proposalledger.command.imports.ReportParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/**
 * The published report both ways, on the real embedded stores: import the Lüliang part-1 text
 * over HTTP, generate the report back from the read models, and compare field by field.
 */
class ReportImportEndToEndTest extends RunningLedgerTest {

    static final String TEXT = "text/plain; charset=UTF-8";

    final ReportParser parser = new ReportParser();

    static byte[] part1() {
        try (InputStream in = ReportImportEndToEndTest.class.getResourceAsStream(
                "/reports/lvliang-2022-key-proposals-part1.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Imports part 1 (the first call records it, later ones find it) and returns the session id. */
    String importPart1() {
        Api.Response r = api.postBytes("office", "/api/v1/imports", part1(), TEXT);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("sessionId").asText();
    }

    /** The generated report once the read models hold all {@code count} replied suggestions. */
    String awaitReport(String sessionId, int count) {
        AtomicReference<String> text = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("reader", "/api/v1/reports/sessions/" + sessionId + "/key-proposals.txt");
            if (r.status() != 200) {
                return false;
            }
            text.set(r.body());
            return r.body().split("\n办理情况\n", -1).length - 1 == count && !r.body().contains("尚未答复")
                    && !r.body().contains("未交办");
        });
        return text.get();
    }

    // ---- round trip ------------------------------------------------------------------------

    @Test
    void every_suggestion_comes_back_exactly_in_the_generated_report() {
        String sessionId = importPart1();
        String generated = awaitReport(sessionId, 4);

        PublishedReport source = parser.parse(part1());
        PublishedReport back = parser.parse(generated);
        assertThat(back.title()).isEqualTo(source.title());
        assertThat(back.suggestions()).hasSameSizeAs(source.suggestions());
        for (int i = 0; i < source.suggestions().size(); i++) {
            PublishedReport.Suggestion want = source.suggestions().get(i);
            PublishedReport.Suggestion got = back.suggestions().get(i);
            assertThat(got.title()).isEqualTo(want.title());
            assertThat(got.proposers()).isEqualTo(want.proposers());
            assertThat(got.andOthers()).isEqualTo(want.andOthers());
            assertThat(got.background()).isEqualTo(want.background());
            assertThat(got.suggestions()).isEqualTo(want.suggestions());
            assertThat(got.handling()).isEqualTo(want.handling());
            assertThat(got.unit()).isEqualTo(want.unit());
        }
        // character for character, the suggestions part differs from the source only in line breaks
        assertThat(withoutWhitespace(fromFirstSuggestion(generated)))
                .isEqualTo(withoutWhitespace(fromFirstSuggestion(new String(part1(), StandardCharsets.UTF_8))));
    }

    @Test
    void other_layouts_of_the_same_kind_of_report_round_trip_too() {
        String source = """
                丙市五届人大二次会议重点建议及办理情况

                前言

                会议期间，市政府共收到代表建议3件。

                关于加强农村饮水安全的建议

                建议者：孔甲 曹乙 魏丙等

                部分山区村饮水

                设施老化,水质不稳定。

                1.加快管网改造。

                2.建立水质监测制度。

                办理情况：已完成12个村的管网改造。

                丙市水利局

                关于增设公交线路的建议

                建议者: 蒋丁

                建议:增设城区至开发区的公交线路。

                办理情况

                已于2022年开通。

                （一）新增线路两条。

                丙市交通运输局

                关于改善县城停车的建议

                建议者:沈戊

                为缓解县城停车难,建议新建立体停车场。

                办理情况

                已列入年度计划。

                丙县人民政府
                """;
        Api.Response r = expect(api.postBytes("office", "/api/v1/imports", source.getBytes(StandardCharsets.UTF_8), TEXT), 201);
        String generated = awaitReport(r.json().get("sessionId").asText(), 3);

        PublishedReport want = parser.parse(source);
        PublishedReport got = parser.parse(generated);
        assertThat(got.title()).isEqualTo(want.title());
        assertThat(got.suggestions()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .containsExactlyElementsOf(want.suggestions());
        assertThat(got.suggestions().get(0).background()).isEqualTo("部分山区村饮水设施老化,水质不稳定。");
        assertThat(got.suggestions().get(0).andOthers()).isTrue();
        assertThat(got.suggestions().get(2).background()).isEmpty();
        assertThat(generated).contains("由2个市直部门和1个县(市、区)人民政府承办");
    }

    @Test
    void the_preface_computes_its_figures_from_the_ledger_and_invents_no_rate() {
        String sessionId = importPart1();
        String generated = awaitReport(sessionId, 4);

        assertThat(generated).startsWith("吕梁市四届人大一次会议重点建议及办理情况\n\n前言\n\n");
        assertThat(generated).contains("吕梁市四届人大一次会议共有代表建议4件,由4个市直部门和0个县(市、区)人民政府承办。"
                + "答复率100%(4件中4件),面商率未注明,满意率未注明。");
        assertThat(generated).doesNotContain("213");
    }

    @Test
    void the_docx_report_holds_the_same_paragraphs() throws IOException {
        String sessionId = importPart1();
        String generated = awaitReport(sessionId, 4);

        HttpResponse<byte[]> r = api.getBytes("office", "/api/v1/reports/sessions/" + sessionId + "/key-proposals.docx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            List<String> lines = generated.lines().filter(l -> !l.isBlank()).toList();
            assertThat(paragraphs).containsExactlyElementsOf(lines);
            assertThat(paragraphs).contains("关于促进“双减”政策落实的建议", "建议者:高永红 孙杰连", "吕梁市科学技术局");
        }
    }

    // ---- what is recorded, and what is not -------------------------------------------------

    @Test
    void an_imported_proposal_records_not_stated_where_the_report_states_nothing() {
        String sessionId = importPart1();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("office", "/api/v1/proposals?sessionId=" + sessionId + "&status=REPLIED&limit=10");
            for (JsonNode p : r.json().get("items")) {
                if (p.get("title").asText().equals("关于促进“双减”政策落实的建议")) {
                    found.set(p);
                }
            }
            return found.get() != null;
        });
        JsonNode p = found.get();
        assertThat(p.get("category").asText()).isEqualTo("NOT_STATED");
        assertThat(p.get("number").asText()).isEqualTo("未注明");
        assertThat(p.get("andOthers").asBoolean()).isFalse();
        assertThat(p.get("proposers")).hasSize(2);
        assertThat(p.get("assignedOn").isNull()).isTrue();
        assertThat(p.get("dueOn").isNull()).isTrue();
        assertThat(p.get("consultations")).isEmpty();
        assertThat(p.get("ratings")).isEmpty();
        JsonNode reply = p.get("replies").get(0);
        assertThat(reply.get("classification").asText()).isEqualTo("NOT_STATED");
        assertThat(reply.get("repliedOn").isNull()).isTrue();
        assertThat(reply.get("signedBy").asText()).isEqualTo("吕梁市教育局");
        assertThat(reply.get("text").asText()).contains("各县市区有序铺开开放午餐工程");

        Api.Response history = api.get("office", "/api/v1/proposals/" + p.get("id").asText() + "/history");
        assertThat(history.json().get("entries")).extracting(e -> e.get("actor").get("role").asText())
                .containsOnly("IMPORT");
    }

    @Test
    void importing_a_report_again_changes_nothing() {
        byte[] report = ("某市人大二次会议重点建议及办理情况\n\n前言\n\n共收到建议2件。\n\n"
                + block("关于修建道路的建议", "建议者:王甲 李乙等", "某市交通运输局") + "\n\n"
                + block("关于改造学校的建议", "建议者:王甲", "某县人民政府")).getBytes(StandardCharsets.UTF_8);

        Api.Response first = expect(api.postBytes("office", "/api/v1/imports", report, TEXT), 201);
        assertThat(first.json().get("proposalsCreated").asInt()).isEqualTo(2);
        assertThat(first.json().get("unitsCreated").asInt()).isEqualTo(2);
        assertThat(first.json().get("deputiesCreated").asInt()).isEqualTo(2);
        assertThat(first.json().get("sessionCreated").asBoolean()).isTrue();
        assertThat(first.json().get("stated").get("suggestions").asInt()).isEqualTo(2);
        long events = storedEvents();

        Api.Response second = expect(api.postBytes("office", "/api/v1/imports", report, TEXT), 200);
        assertThat(second.json().get("proposalsCreated").asInt()).isZero();
        assertThat(second.json().get("proposalsUnchanged").asInt()).isEqualTo(2);
        assertThat(second.json().get("unitsMatched").asInt()).isEqualTo(2);
        assertThat(second.json().get("deputiesMatched").asInt()).isEqualTo(2);
        assertThat(second.json().get("sessionCreated").asBoolean()).isFalse();
        assertThat(second.json().get("sessionId").asText()).isEqualTo(first.json().get("sessionId").asText());
        assertThat(storedEvents()).isEqualTo(events);

        String sessionId = first.json().get("sessionId").asText();
        String generated = awaitReport(sessionId, 2);
        assertThat(generated).contains("由1个市直部门和1个县(市、区)人民政府承办");
    }

    @Test
    void known_session_units_and_deputies_are_matched_by_name() {
        expect(api.put("office", "/api/v1/sessions/jiaokou-18-1", Map.of("name", "交口县十八届人大一次会议")), 200);
        expect(api.put("office", "/api/v1/units/jk-water", Map.of("name", "交口县水利局", "kind", "DEPARTMENT")), 200);
        expect(api.put("office", "/api/v1/deputies/liu-bing", Map.of("name", "刘丙", "delegation", "交口县代表团")), 200);
        byte[] report = ("交口县十八届人大一次会议重点建议及办理情况\n\n"
                + block("关于修建水渠的建议", "建议者:刘丙 赵丁", "交口县水利局")).getBytes(StandardCharsets.UTF_8);

        Api.Response r = expect(api.postBytes("office", "/api/v1/imports", report, TEXT), 201);

        assertThat(r.json().get("sessionId").asText()).isEqualTo("jiaokou-18-1");
        assertThat(r.json().get("sessionCreated").asBoolean()).isFalse();
        assertThat(r.json().get("unitsMatched").asInt()).isEqualTo(1);
        assertThat(r.json().get("unitsCreated").asInt()).isZero();
        assertThat(r.json().get("deputiesMatched").asInt()).isEqualTo(1);
        assertThat(r.json().get("deputiesCreated").asInt()).isEqualTo(1);
        AtomicReference<JsonNode> page = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            page.set(api.get("office", "/api/v1/proposals?sessionId=jiaokou-18-1&status=REPLIED").json().get("items"));
            return page.get().size() == 1;
        });
        assertThat(page.get().get(0).get("leadUnitId").asText()).isEqualTo("jk-water");
        assertThat(page.get().get(0).get("proposers").get(0).asText()).isEqualTo("liu-bing");
    }

    @Test
    void a_county_government_is_recorded_as_a_county_unit() {
        byte[] report = ("孝义市人大会议重点建议及办理情况\n\n"
                + block("关于治理河道的建议", "建议者:钱戊", "孝义市人民政府")).getBytes(StandardCharsets.UTF_8);
        String sessionId = expect(api.postBytes("office", "/api/v1/imports", report, TEXT), 201)
                .json().get("sessionId").asText();

        assertThat(awaitReport(sessionId, 1)).contains("由0个市直部门和1个县(市、区)人民政府承办");
    }

    // ---- malformed reports store nothing ---------------------------------------------------

    @Test
    void malformed_reports_are_refused_with_line_and_reason_and_store_nothing() {
        String good = new String(part1(), StandardCharsets.UTF_8).replace("吕梁市四届人大一次会议", "吕梁市四届人大二次会议");
        String noUnit = good.substring(0, good.lastIndexOf("吕梁市科学技术局"));
        String noTitle = good.substring(good.indexOf("前言"));
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[]{noUnit.getBytes(StandardCharsets.UTF_8), TEXT, 113, "handling unit's name"});
        cases.add(new Object[]{noTitle.getBytes(StandardCharsets.UTF_8), TEXT, 1, "no report title"});
        cases.add(new Object[]{garbage, TEXT, 1, "not UTF-8"});
        cases.add(new Object[]{good.getBytes(Charset.forName("GBK")), TEXT, 3, "not UTF-8"});
        cases.add(new Object[]{good.getBytes(StandardCharsets.UTF_8), "text/plain; charset=GBK", 1, "UTF-8"});
        cases.add(new Object[]{new byte[0], TEXT, 1, "empty"});
        long events = storedEvents();

        for (Object[] c : cases) {
            Api.Response r = api.postBytes("office", "/api/v1/imports", (byte[]) c[0], (String) c[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("rule").asText()).isEqualTo("malformed-report");
            assertThat(r.json().get("line").asInt()).as(r.body()).isEqualTo(c[2]);
            assertThat(r.json().get("reason").asText()).contains((String) c[3]);
        }
        assertThat(storedEvents()).isEqualTo(events);
        Api.Response list = api.get("office", "/api/v1/proposals?limit=100");
        assertThat(list.body()).doesNotContain("吕梁市四届人大二次会议");
    }

    // ---- who may ---------------------------------------------------------------------------

    @Test
    void only_the_office_imports() {
        long events = storedEvents();
        for (String user : List.of("reader", "supervisor", "unit-commerce", "deputy-zhu")) {
            Api.Response r = api.postBytes(user, "/api/v1/imports", part1(), TEXT);
            assertThat(r.status()).as(user).isEqualTo(403);
        }
        assertThat(api.postBytes(null, "/api/v1/imports", part1(), TEXT).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void reports_are_for_office_and_readers_and_need_a_known_session() {
        String sessionId = importPart1();
        awaitReport(sessionId, 4);

        assertThat(api.get("unit-commerce", "/api/v1/reports/sessions/" + sessionId + "/key-proposals.txt").status())
                .isEqualTo(403);
        assertThat(api.get("deputy-zhu", "/api/v1/reports/sessions/" + sessionId + "/key-proposals.docx").status())
                .isEqualTo(403);
        Api.Response unknown = api.get("office", "/api/v1/reports/sessions/no-such-session/key-proposals.txt");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    // ---- helpers -----------------------------------------------------------------------------

    static String block(String title, String proposers, String unit) {
        return title + "\n\n" + proposers + "\n\n背景情况说明。\n\n建议:\n\n一是加快建设。\n\n二是加强管理。\n\n办理情况\n\n已列入计划。\n\n"
                + unit;
    }

    private static String fromFirstSuggestion(String text) {
        return text.substring(text.indexOf("关于支持交口县"));
    }

    private static String withoutWhitespace(String s) {
        return s.replaceAll("[\\s\u3000]+", "");
    }
}
