package org.proposalledger.query.proposal;

import org.proposalledger.api.query.ProposalView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search tokens for the proposal list's text filter, stored in each proposal document
 * ({@code tokens}): every pair of adjacent Chinese characters (bigrams — Chinese has no spaces
 * to split words on, and a bigram index finds any query of two or more characters), and every
 * run of letters or digits, lower-cased. A query's tokens must all be present ({@code $all},
 * served by a multikey index on real MongoDB); the list then keeps only proposals whose text
 * really contains the query, since bigrams alone may come from different places.
 */
public final class SearchTokens {

    private SearchTokens() {
    }

    /** The tokens of a proposal's title, background and suggestions. */
    public static List<String> of(ProposalView v) {
        Set<String> out = new LinkedHashSet<>();
        add(out, v.title());
        add(out, v.background());
        if (v.suggestions() != null) {
            v.suggestions().forEach(s -> add(out, s));
        }
        return new ArrayList<>(out);
    }

    /** The tokens a query needs; empty when it has none (a single Chinese character, punctuation). */
    public static List<String> query(String text) {
        Set<String> out = new LinkedHashSet<>();
        add(out, text);
        return new ArrayList<>(out);
    }

    /** Whether the proposal's text contains {@code text}, ignoring case. */
    public static boolean contains(ProposalView v, String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (has(v.title(), needle) || has(v.background(), needle)) {
            return true;
        }
        return v.suggestions() != null && v.suggestions().stream().anyMatch(s -> has(s, needle));
    }

    private static boolean has(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static void add(Set<String> out, String text) {
        if (text == null) {
            return;
        }
        StringBuilder word = new StringBuilder();
        int previousHan = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han) {
                if (previousHan >= 0) {
                    out.add(new StringBuilder().appendCodePoint(previousHan).appendCodePoint(cp).toString());
                }
                previousHan = cp;
            } else {
                previousHan = -1;
            }
            if (!han && Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
    }
}
