package org.proposalledger.query.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.ProposalView;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTest {

    private static ProposalView view(String title, String background, String... suggestions) {
        return new ProposalView("p", null, null, title, List.of(), false, null, background, List.of(suggestions),
                null, false, null, null, List.of(), null, null, false, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, null, null, 0,
                null, null, List.of(), null);
    }

    @Test
    void chineseTextBecomesBigramsAndOtherTextLowerCasedWords() {
        assertThat(SearchTokens.query("农村电商")).containsExactly("农村", "村电", "电商");
        assertThat(SearchTokens.query("发展5G网络")).containsExactly("发展", "5g", "网络");
        assertThat(SearchTokens.query("Rural e-Commerce")).containsExactly("rural", "e", "commerce");
        // punctuation breaks a run: no bigram across it
        assertThat(SearchTokens.query("农村，电商")).containsExactly("农村", "电商");
        assertThat(SearchTokens.query("农")).isEmpty();
        assertThat(SearchTokens.query("，。")).isEmpty();
    }

    @Test
    void aProposalsTokensCoverTitleBackgroundAndSuggestions() {
        ProposalView v = view("关于农村电商的建议", "物流落后", "一是完善体系");
        assertThat(SearchTokens.of(v)).contains("农村", "电商", "物流", "落后", "完善", "体系")
                .doesNotHaveDuplicates();
    }

    @Test
    void containsDecidesWhenBigramsComeFromDifferentPlaces() {
        ProposalView v = view("农村道路", "电商村电");
        // every bigram of 农村电商 (农村, 村电, 电商) is present, the text is not
        assertThat(SearchTokens.of(v)).containsAll(SearchTokens.query("农村电商"));
        assertThat(SearchTokens.contains(v, "农村电商")).isFalse();
        assertThat(SearchTokens.contains(v, "村电")).isTrue();
        assertThat(SearchTokens.contains(view("5G Network", null), "network")).isTrue();
    }
}
