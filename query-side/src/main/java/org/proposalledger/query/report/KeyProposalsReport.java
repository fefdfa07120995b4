package org.proposalledger.query.report;

import java.util.List;

/**
 * The published key-suggestions report as lines: the same layout as the reports governments
 * publish (title, 前言, then per suggestion title, 建议者:, background, 建议:, suggestions,
 * 办理情况, handling text, unit). One model, rendered as text and as .docx.
 */
public record KeyProposalsReport(List<Line> lines) {

    public KeyProposalsReport {
        lines = List.copyOf(lines);
    }

    public enum Kind { TITLE, HEADING, SUGGESTION_TITLE, TEXT, UNIT }

    public record Line(Kind kind, String text) {
    }

    /** Paragraphs separated by a blank line, as in the published text. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append("\n\n");
        }
        return out.toString();
    }
}
