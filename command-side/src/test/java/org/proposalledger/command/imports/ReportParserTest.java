package org.proposalledger.command.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportParserTest {

    private final ReportParser parser = new ReportParser();

    static byte[] part1() {
        try (InputStream in = ReportParserTest.class.getResourceAsStream("/reports/lvliang-2022-key-proposals-part1.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String report(String... suggestionBlocks) {
        return "某市某届人大某次会议重点建议及办理情况\n\n前言\n\n会议期间共收到建议10件。\n\n"
                + String.join("\n\n", suggestionBlocks) + "\n";
    }

    private static final String SIMPLE = """
            关于修建道路的建议

            建议者:张三

            村里道路破损严重。

            建议:

            一是尽快修路。

            办理情况

            已列入计划。

            某市交通运输局""";

    // ---- the sample ------------------------------------------------------------------------

    @Test
    void readsThePart1Report() {
        PublishedReport r = parser.parse(part1());

        assertThat(r.title()).isEqualTo("吕梁市四届人大一次会议重点建议及办理情况");
        assertThat(r.sessionName()).isEqualTo("吕梁市四届人大一次会议");
        assertThat(r.preface()).hasSize(1);
        assertThat(r.preface().get(0)).startsWith("人大代表在人民代表大会会议期间").endsWith("“三个百分百”办理目标。");
        assertThat(r.figures()).isEqualTo(new PublishedReport.StatedFigures(213, 44, 11));
        assertThat(r.suggestions()).extracting(PublishedReport.Suggestion::title).containsExactly(
                "关于支持交口县百万吨绿色铸造园区建设的建议",
                "关于支持氢能产业高质量发展的建议",
                "关于促进“双减”政策落实的建议",
                "关于尽快设立山西农业大学吕梁现代农业技术研究院的建议");
        assertThat(r.suggestions()).extracting(PublishedReport.Suggestion::unit).containsExactly(
                "吕梁市商务局", "吕梁市工信局", "吕梁市教育局", "吕梁市科学技术局");
    }

    @Test
    void readsEachFieldOfASuggestion() {
        PublishedReport.Suggestion first = parser.parse(part1()).suggestions().get(0);

        assertThat(first.proposers()).containsExactly("朱和平");
        assertThat(first.andOthers()).isFalse();
        assertThat(first.background()).startsWith("交口是一个典型的资源型县份。").endsWith("集群化发展之路。")
                .doesNotContain("\n");
        assertThat(first.suggestions()).hasSize(4);
        assertThat(first.suggestions().get(0)).startsWith("一是积极协调引导优秀铸造企业入园");
        assertThat(first.suggestions().get(3)).isEqualTo(
                "四是恳请省市协同推动开发区铸造产业园土地预审、区域环境影响评价等前期工作,加快推进项目建设。");
        assertThat(first.handling()).startsWith("我局从以下几个方面推进").endsWith("激发市场主体活力。");
    }

    @Test
    void readsSeveralProposersAndMultiParagraphHandling() {
        List<PublishedReport.Suggestion> s = parser.parse(part1()).suggestions();

        assertThat(s.get(2).proposers()).containsExactly("高永红", "孙杰连");
        assertThat(s.get(1).handling().split("\n")).hasSize(7);
        assertThat(s.get(1).handling().split("\n")[1]).startsWith("一是氢能项目建设有序推进。");
    }

    @Test
    void joinsAParagraphBrokenByAPageBreak() {
        String handling = parser.parse(part1()).suggestions().get(2).handling();

        assertThat(handling.split("\n")).hasSize(5);
        assertThat(handling).contains("三是有序铺开开放午餐工程。各县市区有序铺开开放午餐工程,孝义市城区初中");
    }

    @Test
    void keepsAnUnnumberedSuggestionParagraph() {
        PublishedReport.Suggestion last = parser.parse(part1()).suggestions().get(3);

        assertThat(last.suggestions()).hasSize(3);
        assertThat(last.suggestions().get(2)).startsWith("建议吕梁市科技局支持研究院");
        assertThat(last.handling().split("\n")).hasSize(2);
    }

    // ---- format variants -------------------------------------------------------------------

    @Test
    void andOthersAfterTheLastNameOrAlone() {
        PublishedReport.Suggestion a = parser.parse(report(SIMPLE.replace("建议者:张三", "建议者:张三 李四等"))).suggestions().get(0);
        PublishedReport.Suggestion b = parser.parse(report(SIMPLE.replace("建议者:张三", "建议者：张三、李四 等"))).suggestions().get(0);
        PublishedReport.Suggestion c = parser.parse(report(SIMPLE.replace("建议者:张三", "建议者: 王五等5人"))).suggestions().get(0);

        assertThat(a.proposers()).containsExactly("张三", "李四");
        assertThat(a.andOthers()).isTrue();
        assertThat(b.proposers()).containsExactly("张三", "李四");
        assertThat(b.andOthers()).isTrue();
        assertThat(c.proposers()).containsExactly("王五");
        assertThat(c.andOthers()).isTrue();
    }

    @Test
    void fullWidthColonsAndSurroundingWhitespace() {
        String text = report(SIMPLE.replace("建议者:张三", "  建议者：　张三　孙七  ").replace("建议:", " 建议： ")
                .replace("办理情况", "办理情况：").replace("一是尽快修路。", "\t一是尽快修路。  "));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.proposers()).containsExactly("张三", "孙七");
        assertThat(s.suggestions()).containsExactly("一是尽快修路。");
        assertThat(s.handling()).isEqualTo("已列入计划。");
    }

    @Test
    void singleSentenceSuggestionOnTheHeadingLine() {
        String text = report(SIMPLE.replace("建议:\n\n一是尽快修路。", "建议:尽快修路,方便群众出行。"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重。");
        assertThat(s.suggestions()).containsExactly("尽快修路,方便群众出行。");
    }

    @Test
    void singleSentenceSuggestionUnderTheHeading() {
        String text = report(SIMPLE.replace("一是尽快修路。", "尽快修路,方便群众出行。"));

        assertThat(parser.parse(text).suggestions().get(0).suggestions()).containsExactly("尽快修路,方便群众出行。");
    }

    @Test
    void withoutHeadingTheFirstNumberedParagraphStartsTheSuggestions() {
        String text = report(SIMPLE.replace("建议:\n\n", "道路年久失修。\n\n"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重。\n道路年久失修。");
        assertThat(s.suggestions()).containsExactly("一是尽快修路。");
    }

    @Test
    void withoutHeadingOrNumbersTheLastBodyParagraphIsTheSuggestion() {
        String text = report(SIMPLE.replace("建议:\n\n一是尽快修路。", "请尽快修路。"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重。");
        assertThat(s.suggestions()).containsExactly("请尽快修路。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.", "1．", "1、", "（一）", "(一)", "一、", "(1)"})
    void otherNumberingStyles(String first) {
        String second = first.replace('1', '2').replace('一', '二');
        String text = report(SIMPLE.replace("建议:\n\n一是尽快修路。",
                first + "尽快修路。\n\n" + second + "加强养护。"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重。");
        assertThat(s.suggestions()).containsExactly(first + "尽快修路。", second + "加强养护。");
    }

    @Test
    void pageBreakJoinsMidSentenceButNotBeforeHeadingsNumbersOrTheUnit() {
        String text = report("""
                关于修建道路的建议

                建议者:张三

                村里道路破损

                严重,群众出行

                不便。

                建议:

                一是尽快修路,

                二是加强养护。

                办理情况

                已列入计划,2023年

                开工

                某市交通运输局""");
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重,群众出行不便。");
        assertThat(s.suggestions()).containsExactly("一是尽快修路,", "二是加强养护。");
        assertThat(s.handling()).isEqualTo("已列入计划,2023年开工");
        assertThat(s.unit()).isEqualTo("某市交通运输局");
    }

    @Test
    void titleBrokenOverTwoLines() {
        String text = report(SIMPLE.replace("关于修建道路的建议", "关于修建村村通\n\n道路的建议"));

        assertThat(parser.parse(text).suggestions().get(0).title()).isEqualTo("关于修建村村通道路的建议");
    }

    @Test
    void aTitleWithoutGuanYuIsATitleWhenProposersFollow() {
        String text = report(SIMPLE, SIMPLE.replace("关于修建道路的建议", "加快修建乡村道路的建议"));
        List<PublishedReport.Suggestion> s = parser.parse(text).suggestions();

        assertThat(s).extracting(PublishedReport.Suggestion::title).containsExactly("关于修建道路的建议", "加快修建乡村道路的建议");
        assertThat(s.get(0).unit()).isEqualTo("某市交通运输局");
    }

    @Test
    void pageNumbersLeftByThePdfAreDropped() {
        String text = report(SIMPLE.replace("村里道路破损严重。", "村里道路破损\n\n- 3 -\n\n严重。")
                .replace("已列入计划。", "已列入\n\n第4页\n\n计划。\n\n12"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEqualTo("村里道路破损严重。");
        assertThat(s.handling()).isEqualTo("已列入计划。");
    }

    @Test
    void aTitleSetOverTwoLinesIsOneTitle() {
        String withPreface = "吕梁市四届人大一次会议\n重点建议及办理情况\n\n前言\n\n共收到建议1件。\n\n" + SIMPLE;
        String withoutPreface = "吕梁市四届人大一次会议\n\n重点建议及办理情况\n\n" + SIMPLE;

        for (String text : List.of(withPreface, withoutPreface)) {
            PublishedReport r = parser.parse(text);
            assertThat(r.title()).isEqualTo("吕梁市四届人大一次会议重点建议及办理情况");
            assertThat(r.sessionName()).isEqualTo("吕梁市四届人大一次会议");
            assertThat(r.suggestions()).hasSize(1);
        }
        assertThat(parser.parse(withPreface).preface()).containsExactly("共收到建议1件。");
        assertThat(parser.parse(withoutPreface).preface()).isEmpty();
    }

    @Test
    void windowsLineEndingsByteOrderMarkAndNoPreface() {
        String text = "\uFEFF某市人大会议重点建议及办理情况\r\n\r\n" + SIMPLE.replace("\n", "\r\n");
        PublishedReport r = parser.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(r.title()).isEqualTo("某市人大会议重点建议及办理情况");
        assertThat(r.preface()).isEmpty();
        assertThat(r.figures()).isEqualTo(new PublishedReport.StatedFigures(null, null, null));
        assertThat(r.suggestions()).hasSize(1);
    }

    @Test
    void manySuggestionsInOrder() {
        StringBuilder blocks = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            blocks.append(SIMPLE.replace("修建道路", "修建第" + n + "条道路")).append("\n\n");
        }
        PublishedReport r = parser.parse(report(blocks.toString()));

        assertThat(r.suggestions()).hasSize(30);
        assertThat(r.suggestions().get(29).title()).isEqualTo("关于修建第30条道路的建议");
    }

    // ---- malformed -------------------------------------------------------------------------

    @Test
    void emptyIsRejected() {
        assertRejected(new byte[0], 1, "empty");
        assertRejected(" \n\n　\n".getBytes(StandardCharsets.UTF_8), 1, "empty");
    }

    @Test
    void gbkBytesAreRejectedAtTheirLine() {
        byte[] gbk = report(SIMPLE).getBytes(Charset.forName("GBK"));
        assertRejected(gbk, 1, "not UTF-8");
        byte[] mixed = ("标题重点建议\n\n" + "x").getBytes(StandardCharsets.UTF_8);
        byte[] withGbk = concat(mixed, "\n中文".getBytes(Charset.forName("GBK")));
        assertRejected(withGbk, 4, "not UTF-8");
    }

    @Test
    void binaryGarbageIsRejected() {
        byte[] garbage = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};
        assertRejected(garbage, 1, "binary");
        assertRejected("标题\n\n前言\n\u0000\u0001".getBytes(StandardCharsets.UTF_8), 4, "control character");
    }

    @Test
    void noTitleIsRejected() {
        assertRejected(SIMPLE.getBytes(StandardCharsets.UTF_8), 1, "no report title");
        assertRejected(("前言\n\n" + SIMPLE).getBytes(StandardCharsets.UTF_8), 1, "no report title");
    }

    @Test
    void noSuggestionIsRejected() {
        assertRejected("某市重点建议及办理情况\n\n前言\n\n共收到建议10件。\n".getBytes(StandardCharsets.UTF_8), 5,
                "no suggestion found");
    }

    @Test
    void missingUnitLineIsRejectedAtTheLastLine() {
        String text = report(SIMPLE.replace("\n\n某市交通运输局", ""));
        // title, blank, 前言, blank, preface, blank → the block starts at line 7; 已列入计划。 is line 19
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 19, "handling unit's name");
    }

    @Test
    void missingProposersIsRejected() {
        String text = report(SIMPLE.replace("建议者:张三\n\n", ""));
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 9, "建议者");
        assertRejected(report(SIMPLE.replace("建议者:张三", "建议者:")).getBytes(StandardCharsets.UTF_8), 9, "no proposer");
    }

    @Test
    void missingHandlingSectionIsRejected() {
        String text = report(SIMPLE.replace("办理情况\n\n", ""));
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 19, "办理情况");
    }

    @Test
    void missingHandlingTextIsRejected() {
        String text = report(SIMPLE.replace("已列入计划。\n\n", ""));
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 19, "no handling text");
    }

    @Test
    void missingSuggestionsIsRejected() {
        String text = report(SIMPLE.replace("一是尽快修路。\n\n", ""));
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 11, "states no suggestions");
    }

    @Test
    void aSuggestionWithoutBackgroundHasAnEmptyOne() {
        String text = report(SIMPLE.replace("村里道路破损严重。\n\n", ""));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEmpty();
        assertThat(s.suggestions()).containsExactly("一是尽快修路。");
    }

    @Test
    void aLoneBodyParagraphIsTheSuggestion() {
        String text = report(SIMPLE.replace("村里道路破损严重。\n\n建议:\n\n一是尽快修路。", "为方便群众出行,建议尽快修路。"));
        PublishedReport.Suggestion s = parser.parse(text).suggestions().get(0);

        assertThat(s.background()).isEmpty();
        assertThat(s.suggestions()).containsExactly("为方便群众出行,建议尽快修路。");
    }

    @Test
    void noBodyAtAllIsRejected() {
        String text = report(SIMPLE.replace("村里道路破损严重。\n\n建议:\n\n一是尽快修路。\n\n", ""));
        assertRejected(text.getBytes(StandardCharsets.UTF_8), 11, "states no suggestions");
    }

    @Test
    void aMalformedLaterSuggestionFailsTheWholeReport() {
        String text = report(SIMPLE, SIMPLE.replace("修建道路", "改造学校").replace("\n\n某市交通运输局", ""));
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(MalformedReportException.class)
                .hasMessageContaining("关于改造学校的建议");
    }

    private void assertRejected(byte[] bytes, int line, String reason) {
        assertThatThrownBy(() -> parser.parse(bytes))
                .isInstanceOfSatisfying(MalformedReportException.class, e -> {
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
