package org.proposalledger.command.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.UnitKind;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportImporterTest {

    @ParameterizedTest
    @CsvSource({
            "交口县人民政府, COUNTY",
            "孝义市人民政府, COUNTY",
            "离石区人民政府, COUNTY",
            "汾阳市政府, COUNTY",
            "吕梁市教育局, DEPARTMENT",
            "吕梁市人民政府办公室, DEPARTMENT",
            "吕梁市科学技术局, DEPARTMENT"})
    void unitKindFollowsTheName(String name, UnitKind kind) {
        assertThat(ReportImporter.kindOf(name)).isEqualTo(kind);
    }

    static PublishedReport.Suggestion suggestion(int line, String title, List<String> proposers) {
        return new PublishedReport.Suggestion(line, title, proposers, false, "背景。", List.of("一是。"), "已办理。", "某局");
    }

    @Test
    void theSameSuggestionInTheSameSessionHasTheSameId() {
        assertThat(ReportImporter.proposalId("s", suggestion(7, "关于甲的建议", List.of("张三"))))
                .isEqualTo(ReportImporter.proposalId("s", suggestion(90, "关于甲的建议", List.of("张三"))));
    }

    @Test
    void anotherSessionTitleOrProposerGivesAnotherId() {
        var id = ReportImporter.proposalId("s", suggestion(7, "关于甲的建议", List.of("张三")));

        assertThat(ReportImporter.proposalId("t", suggestion(7, "关于甲的建议", List.of("张三")))).isNotEqualTo(id);
        assertThat(ReportImporter.proposalId("s", suggestion(7, "关于乙的建议", List.of("张三")))).isNotEqualTo(id);
        assertThat(ReportImporter.proposalId("s", suggestion(7, "关于甲的建议", List.of("李四")))).isNotEqualTo(id);
    }
}
