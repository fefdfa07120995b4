package org.proposalledger.command.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published key-suggestions report (the layout of the Lüliang 2022 report): a title
 * line, an optional 前言 with the session's figures, then per suggestion its title
 * "关于…的建议", "建议者:" names, background, "建议:" and the suggestions, "办理情况" and its
 * text, and the handling unit's name on the block's last line.
 * <p>
 * The text comes out of PDFs, so a paragraph that ends without sentence-final punctuation is
 * joined with the next line unless that line is a heading, a numbered item, or a block's
 * last line (the unit). Everything is checked before anything is returned: a malformed
 * report fails with the line and the reason.
 */
public final class ReportParser {

    private static final Pattern TITLE = Pattern.compile("^关于.+建议$");
    private static final Pattern PROPOSERS = Pattern.compile("^(建议者|建议人|提出者|提出人)\\s*[:：]\\s*(.*)$");
    private static final Pattern SUGGESTIONS_HEADING = Pattern.compile("^(具体)?建议\\s*[:：]?$");
    private static final Pattern SUGGESTIONS_INLINE = Pattern.compile("^建议\\s*[:：]\\s*(.+)$");
    private static final Pattern HANDLING_HEADING = Pattern.compile("^办理情况\\s*[:：]?$");
    private static final Pattern HANDLING_INLINE = Pattern.compile("^办理情况\\s*[:：]\\s*(.+)$");
    private static final Pattern PREFACE_HEADING = Pattern.compile("^前\\s*言\\s*[:：]?$");
    /** 一是 / 1. / 1、 / （一） / (1) / 一、 */
    private static final Pattern NUMBERED = Pattern.compile(
            "^([一二三四五六七八九十]+是|\\d{1,2}\\s*[.．、]|[（(]\\s*([一二三四五六七八九十]+|\\d{1,2})\\s*[）)]|[一二三四五六七八九十]+、).*");
    private static final Pattern AND_OTHERS = Pattern.compile(
            "^(.*?)等\\s*(\\d+|[一二三四五六七八九十]+)?\\s*(人|名|名代表|位代表|位)?$");
    private static final String SENTENCE_END = "。！？；：…!?;:";
    private static final String CLOSERS = "”’」』）)》】\"'";
    private static final int MAX_UNIT_NAME = 40;
    /** Page numbers a PDF extraction leaves on their own line: "3", "- 3 -", "—3—", "第3页". */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*(页)?[-—–－\\s]*$");

    private static final Pattern FIGURE_SUGGESTIONS = Pattern.compile("共[^\\d。，,]{0,8}?(\\d+)\\s*件");
    private static final Pattern FIGURE_DEPARTMENTS = Pattern.compile("(\\d+)\\s*个市直(部门|单位)");
    private static final Pattern FIGURE_COUNTIES = Pattern.compile("(\\d+)\\s*个县");

    private record Para(String text, int line) {
    }

    /** Decodes strictly as UTF-8, then parses. */
    public PublishedReport parse(byte[] bytes) {
        return parse(decode(bytes));
    }

    public PublishedReport parse(String text) {
        List<Para> lines = lines(text);
        if (lines.isEmpty()) {
            throw new MalformedReportException(1, "the report is empty");
        }
        List<Para> paras = join(titleLines(lines));
        return structure(paras);
    }

    // ---- decoding -----------------------------------------------------------------------------

    static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new MalformedReportException(1, "the report is empty");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedReportException(lineOfFirstBadByte(bytes),
                    "not UTF-8 text (another encoding such as GBK, or binary data); send the report as UTF-8");
        }
    }

    /** Decodes line by line to find where the invalid bytes start. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                try {
                    decoder.decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    // ---- lines and page-break joins ---------------------------------------------------------

    /** Non-blank lines, trimmed (also of full-width spaces), with their 1-based numbers. */
    private static List<Para> lines(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Para> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if ((c < 0x20 && c != '\t' && c != '\f') || c == 0x7F || c == '\uFFFD') {
                    throw new MalformedReportException(i + 1,
                            "binary data or a control character (U+" + String.format("%04X", (int) c)
                                    + ") where text was expected");
                }
            }
            String trimmed = trim(line);
            if (!trimmed.isEmpty() && !PAGE_NUMBER.matcher(trimmed).matches()) {
                out.add(new Para(trimmed, i + 1));
            }
        }
        return out;
    }

    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /**
     * A title set over several lines ("吕梁市四届人大一次会议" / "重点建议及办理情况") is one title:
     * short unpunctuated lines right after the first, up to 前言 or a line ending in 情况.
     */
    private static List<Para> titleLines(List<Para> lines) {
        StringBuilder title = new StringBuilder(lines.get(0).text());
        int k = 1;
        while (k < lines.size() && k <= 3) {
            String t = lines.get(k).text();
            boolean titlePart = t.length() <= 40 && !isHeadingAt(lines, k)
                    && t.chars().noneMatch(c -> "。；;！？，,：:".indexOf(c) >= 0)
                    && (t.endsWith("情况") || k + 1 < lines.size() && PREFACE_HEADING.matcher(lines.get(k + 1).text()).matches());
            if (!titlePart || isHeading(title.toString())) {
                break;
            }
            title.append(t);
            k++;
        }
        if (k == 1) {
            return lines;
        }
        List<Para> out = new ArrayList<>();
        out.add(new Para(title.toString(), lines.get(0).line()));
        out.addAll(lines.subList(k, lines.size()));
        return out;
    }

    private List<Para> join(List<Para> lines) {
        List<Para> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Para current = lines.get(i);
            // a title broken over two lines: "关于…" + "…的建议", then 建议者
            if (i > 0 && current.text().startsWith("关于") && !isTitle(current.text()) && !endsSentence(current.text())
                    && i + 2 < lines.size() && isTitle(current.text() + lines.get(i + 1).text())
                    && PROPOSERS.matcher(lines.get(i + 2).text()).matches()) {
                out.add(new Para(current.text() + lines.get(i + 1).text(), current.line()));
                i += 2;
                continue;
            }
            StringBuilder text = new StringBuilder(current.text());
            int next = i + 1;
            // the document title (first line) is never joined: it has no punctuation by nature
            while (i > 0 && !isHeadingAt(lines, i) && !endsSentence(text.toString()) && next < lines.size()
                    && !isHeadingAt(lines, next) && !isNumbered(lines.get(next).text())
                    && !isBlockLast(lines, next)) {
                text.append(lines.get(next).text());
                next++;
            }
            out.add(new Para(text.toString(), current.line()));
            i = next;
        }
        return out;
    }

    /** The line before a suggestion title, or the last line: the unit's name, never joined into. */
    private static boolean isBlockLast(List<Para> lines, int index) {
        return index == lines.size() - 1 || isTitleAt(lines, index + 1);
    }

    private static boolean isHeadingAt(List<Para> lines, int index) {
        return isHeading(lines.get(index).text()) || isTitleAt(lines, index);
    }

    /**
     * "关于…建议" anywhere; any other short unpunctuated line ending in 建议 (e.g. "加快…的建议")
     * only when 建议者 follows it.
     */
    private static boolean isTitleAt(List<Para> lines, int index) {
        String s = lines.get(index).text();
        if (isTitle(s)) {
            return true;
        }
        return index > 0 && index + 1 < lines.size() && s.endsWith("建议") && s.length() <= 100
                && !isHeading(s) && s.chars().noneMatch(c -> "。；;！？，,：:".indexOf(c) >= 0)
                && PROPOSERS.matcher(lines.get(index + 1).text()).matches();
    }

    private static boolean isHeading(String s) {
        return isTitle(s) || PROPOSERS.matcher(s).matches() || SUGGESTIONS_HEADING.matcher(s).matches()
                || SUGGESTIONS_INLINE.matcher(s).matches() || HANDLING_HEADING.matcher(s).matches()
                || HANDLING_INLINE.matcher(s).matches() || PREFACE_HEADING.matcher(s).matches();
    }

    private static boolean isTitle(String s) {
        return TITLE.matcher(s).matches() && s.length() <= 100 && s.chars().noneMatch(c -> "。；;！？".indexOf(c) >= 0);
    }

    private static boolean isNumbered(String s) {
        return NUMBERED.matcher(s).matches();
    }

    static boolean endsSentence(String s) {
        int end = s.length();
        while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        // "…。”" ends a sentence; "…》" or "…）" alone closes a name, not a sentence
        return end > 0 && SENTENCE_END.indexOf(s.charAt(end - 1)) >= 0;
    }

    // ---- structure ------------------------------------------------------------------------------

    private PublishedReport structure(List<Para> paras) {
        Para title = paras.get(0);
        if (isHeading(title.text())) {
            throw new MalformedReportException(title.line(),
                    "no report title: the first line is '" + abbreviate(title.text()) + "', expected the report's title");
        }
        if (endsSentence(title.text()) || title.text().length() > 100) {
            throw new MalformedReportException(title.line(),
                    "no report title: the first line reads as a sentence, expected the report's title");
        }
        int i = 1;
        List<String> preface = new ArrayList<>();
        if (i < paras.size() && PREFACE_HEADING.matcher(paras.get(i).text()).matches()) {
            i++;
        }
        while (i < paras.size() && !isTitleAt(paras, i)) {
            Para p = paras.get(i);
            if (PROPOSERS.matcher(p.text()).matches() || HANDLING_HEADING.matcher(p.text()).matches()) {
                throw new MalformedReportException(p.line(), "'" + abbreviate(p.text())
                        + "' before any suggestion title (关于…的建议)");
            }
            preface.add(p.text());
            i++;
        }
        if (i == paras.size()) {
            throw new MalformedReportException(paras.get(paras.size() - 1).line(),
                    "no suggestion found: expected a title such as '关于…的建议' followed by '建议者:'");
        }
        List<PublishedReport.Suggestion> suggestions = new ArrayList<>();
        while (i < paras.size()) {
            int end = i + 1;
            while (end < paras.size() && !isTitleAt(paras, end)) {
                end++;
            }
            suggestions.add(suggestion(paras.subList(i, end), paras.get(end - 1).line()));
            i = end;
        }
        return new PublishedReport(title.text(), preface, figures(String.join("\n", preface)), suggestions);
    }

    private PublishedReport.Suggestion suggestion(List<Para> block, int lastLine) {
        Para title = block.get(0);
        if (block.size() < 2) {
            throw new MalformedReportException(title.line(), "suggestion '" + title.text() + "' has nothing after its title");
        }
        Matcher who = PROPOSERS.matcher(block.get(1).text());
        if (!who.matches()) {
            throw new MalformedReportException(block.get(1).line(),
                    "expected '建议者:' and the proposers' names after the title '" + title.text() + "'");
        }
        Proposers proposers = proposers(who.group(2), block.get(1).line());

        int handlingAt = -1;
        for (int k = 2; k < block.size(); k++) {
            String t = block.get(k).text();
            if (HANDLING_HEADING.matcher(t).matches() || HANDLING_INLINE.matcher(t).matches()) {
                handlingAt = k;
                break;
            }
        }
        if (handlingAt < 0) {
            throw new MalformedReportException(lastLine, "suggestion '" + title.text() + "' has no '办理情况' section");
        }

        // body: background, then the suggestions (after "建议:", or from the first numbered paragraph)
        List<Para> body = block.subList(2, handlingAt);
        List<String> background = new ArrayList<>();
        List<String> items = new ArrayList<>();
        int headingAt = -1;
        for (int k = 0; k < body.size(); k++) {
            String t = body.get(k).text();
            if (SUGGESTIONS_HEADING.matcher(t).matches() || SUGGESTIONS_INLINE.matcher(t).matches()) {
                headingAt = k;
                break;
            }
        }
        if (headingAt >= 0) {
            body.subList(0, headingAt).forEach(p -> background.add(p.text()));
            Matcher inline = SUGGESTIONS_INLINE.matcher(body.get(headingAt).text());
            if (inline.matches()) {
                items.add(inline.group(1).strip());
            }
            body.subList(headingAt + 1, body.size()).forEach(p -> items.add(p.text()));
        } else {
            int split = -1;
            for (int k = 1; k < body.size() && split < 0; k++) {
                if (isNumbered(body.get(k).text())) {
                    split = k;
                }
            }
            for (int k = 1; k < body.size() && split < 0; k++) {
                if (body.get(k).text().startsWith("建议")) {
                    split = k;
                }
            }
            if (split < 0) {
                // background first, the single suggestion last; a lone paragraph is the suggestion itself
                split = Math.max(0, body.size() - 1);
            }
            body.subList(0, split).forEach(p -> background.add(p.text()));
            body.subList(split, body.size()).forEach(p -> items.add(p.text()));
        }
        int bodyLine = body.isEmpty() ? block.get(handlingAt).line() : body.get(0).line();
        // a report may give no background; then there is none (empty), never an invented one
        if (items.isEmpty()) {
            throw new MalformedReportException(bodyLine,
                    "suggestion '" + title.text() + "' states no suggestions (expected '建议:' and its text)");
        }

        List<String> handling = new ArrayList<>();
        Matcher inlineHandling = HANDLING_INLINE.matcher(block.get(handlingAt).text());
        if (inlineHandling.matches()) {
            handling.add(inlineHandling.group(1).strip());
        }
        List<Para> rest = block.subList(handlingAt + 1, block.size());
        if (rest.isEmpty()) {
            throw new MalformedReportException(lastLine,
                    "suggestion '" + title.text() + "' ends without the handling unit's name on its last line");
        }
        Para unit = rest.get(rest.size() - 1);
        if (!looksLikeUnit(unit.text())) {
            throw new MalformedReportException(unit.line(), "suggestion '" + title.text()
                    + "' ends without the handling unit's name on its last line (found '" + abbreviate(unit.text()) + "')");
        }
        rest.subList(0, rest.size() - 1).forEach(p -> handling.add(p.text()));
        if (handling.isEmpty()) {
            throw new MalformedReportException(unit.line(), "suggestion '" + title.text() + "' has no handling text under '办理情况'");
        }
        return new PublishedReport.Suggestion(title.line(), title.text(), proposers.names(), proposers.andOthers(),
                String.join("\n", background), items, String.join("\n", handling), unit.text());
    }

    private static boolean looksLikeUnit(String s) {
        return s.length() <= MAX_UNIT_NAME && !endsSentence(s)
                && s.chars().noneMatch(c -> "。，,；;：:！？!?".indexOf(c) >= 0);
    }

    private record Proposers(List<String> names, boolean andOthers) {
    }

    /** Names separated by spaces (or 、 ，), "等" (and others) after the last name or on its own. */
    private static Proposers proposers(String text, int line) {
        String s = trim(text);
        boolean andOthers = false;
        Matcher others = AND_OTHERS.matcher(s);
        if (others.matches()) {
            andOthers = true;
            s = trim(others.group(1));
        }
        List<String> names = new ArrayList<>();
        for (String part : s.split("[\\s\u3000、，,；;]+")) {
            String name = trim(part);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new MalformedReportException(line, "'建议者:' names no proposer");
        }
        for (String name : names) {
            if (name.length() > 20 || endsSentence(name)) {
                throw new MalformedReportException(line, "'" + abbreviate(name) + "' is not a proposer's name");
            }
        }
        return new Proposers(names, andOthers);
    }

    private static PublishedReport.StatedFigures figures(String preface) {
        return new PublishedReport.StatedFigures(first(FIGURE_SUGGESTIONS, preface), first(FIGURE_DEPARTMENTS, preface),
                first(FIGURE_COUNTIES, preface));
    }

    private static Integer first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
