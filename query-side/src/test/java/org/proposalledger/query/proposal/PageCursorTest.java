package org.proposalledger.query.proposal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void aCursorIsTheLastIdInUrlSafeForm() {
        String cursor = PageCursor.encode("2022-lvliang.001");

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(cursor)).isEqualTo("2022-lvliang.001");
    }

    @Test
    void cursorsWeDidNotMakeAreRejected() {
        assertThatThrownBy(() -> PageCursor.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
        // valid base64url, but of something that is not an id
        assertThatThrownBy(() -> PageCursor.decode(PageCursor.encode("a b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PageCursor.isValid(PageCursor.encode("x".repeat(65)))).isFalse();
        assertThat(PageCursor.isValid(PageCursor.encode("x".repeat(64)))).isTrue();
    }
}
