package org.proposalledger.query.proposal;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.ProposalView;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalOrderTest {

    private static String at(String instant) {
        ProposalView v = new ProposalView("p", null, null, "t", List.of(), false, null, "b", List.of(),
                null, false, null, null, List.of(), null, null, false, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, Instant.parse(instant), null, 0,
                null, null, List.of(), null);
        return (String) ProposalOrder.keysOf(v).get("submittedAt");
    }

    @Test
    void instantsCompareAsTextWhateverTheirFractionOfASecond() {
        // as ISO text "…:00Z" sorts after "…:00.5Z"; the keys keep time order
        List<String> keys = Stream.of("2022-01-05T10:00:00Z", "2022-01-05T10:00:00.000000001Z",
                "2022-01-05T10:00:00.5Z", "2022-01-05T10:00:01Z", "2022-01-06T00:00:00Z").map(ProposalOrderTest::at).toList();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void registrationNumbersCompareByTheirDigitsAsNumbers() {
        List<String> keys = Stream.of("第9号", "第0010号", "第11号", "第100号").map(ProposalOrder::number).toList();
        assertThat(keys).isSorted();
        assertThat(ProposalOrder.number("2022-3")).isLessThan(ProposalOrder.number("2022-12"));
        assertThat(ProposalOrder.number("未注明")).isEqualTo("未注明");
        assertThat(ProposalOrder.number(null)).isNull();
    }

    @Test
    void statusesSortInLifecycleOrder() {
        List<String> keys = Stream.of("SUBMITTED", "REGISTERED", "REJECTED", "ASSIGNED", "REPLIED", "REHANDLING",
                "CLOSED", "WITHDRAWN").map(ProposalOrder::status).toList();
        assertThat(keys).isSorted();
    }

    @Test
    void anUnknownSortFieldIsRefused() {
        assertThatThrownBy(() -> ProposalOrder.parse("title")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("submittedAt");
        assertThatThrownBy(() -> ProposalOrder.parse("--number")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProposalOrder.parse("-number").spec()).isEqualTo("-number");
        assertThat(ProposalOrder.parse(null).byId()).isTrue();
    }

    @Test
    void aSortedCursorCarriesItsSortKeyAndIdAndFitsOnlyItsSort() {
        ProposalOrder byNumber = ProposalOrder.parse("number");
        ProposalOrder.Position last = new ProposalOrder.Position("第|00000000000000000007号", "p-7");
        String cursor = PageCursor.encode(byNumber, last);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(cursor, byNumber)).isEqualTo(last);
        assertThat(PageCursor.isValid(cursor, ProposalOrder.parse("-number"))).isFalse();
        assertThat(PageCursor.isValid(cursor, ProposalOrder.BY_ID)).isFalse();
        assertThat(PageCursor.isValid(PageCursor.encode("p-7"), byNumber)).isFalse();

        ProposalOrder.Position none = new ProposalOrder.Position(null, "p-8");
        assertThat(PageCursor.decode(PageCursor.encode(byNumber, none), byNumber)).isEqualTo(none);
        ProposalOrder.Position empty = new ProposalOrder.Position("", "p-9");
        assertThat(PageCursor.decode(PageCursor.encode(byNumber, empty), byNumber)).isEqualTo(empty);
    }
}
