package org.proposalledger.command.imports;

import java.util.List;

/**
 * A published key-suggestions report (重点建议及办理情况) as the document states it: nothing in
 * here is inferred beyond what the text says.
 *
 * @param title      the document's first line, e.g. "吕梁市四届人大一次会议重点建议及办理情况"
 * @param preface    the paragraphs under 前言
 * @param figures    numbers the preface states (null where it states none)
 * @param suggestions the suggestions in document order
 */
public record PublishedReport(String title, List<String> preface, StatedFigures figures,
                              List<Suggestion> suggestions) {

    public PublishedReport {
        preface = List.copyOf(preface);
        suggestions = List.copyOf(suggestions);
    }

    /** The session the report is about: the title up to "会议", or the whole title when it names none. */
    public String sessionName() {
        int at = title.indexOf("会议");
        return at > 0 ? title.substring(0, at + 2) : title;
    }

    /** Figures as the preface states them; each null when not stated. */
    public record StatedFigures(Integer suggestions, Integer departmentUnits, Integer countyUnits) {
    }

    /**
     * One suggestion.
     *
     * @param line        line of its title in the source, for messages
     * @param background  background paragraphs, joined by '\n'; empty when the report gives none
     * @param suggestions each suggestion paragraph as written (with its "一是" / "1." numbering)
     * @param handling    the 办理情况 paragraphs, joined by '\n'
     * @param unit        the handling unit's name from the last line
     */
    public record Suggestion(int line, String title, List<String> proposers, boolean andOthers, String background,
                             List<String> suggestions, String handling, String unit) {
        public Suggestion {
            proposers = List.copyOf(proposers);
            suggestions = List.copyOf(suggestions);
        }
    }
}
