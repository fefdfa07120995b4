package org.proposalledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"commerce", "0190a1b2-0000-7000-8000-000000000001", "lvliang_5.2"})
    void accepts_plain_ids(String id) {
        assertThat(Ids.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unit:commerce", "a b", "商务局", "../etc", "a/b", "a%2e"})
    void refuses_ids_outside_the_safe_alphabet(String id) {
        assertThat(Ids.isValid(id)).isFalse();
    }

    @Test
    void an_id_is_at_most_64_characters() {
        assertThat(Ids.isValid("a".repeat(Ids.MAX_LENGTH))).isTrue();
        assertThat(Ids.isValid("a".repeat(Ids.MAX_LENGTH + 1))).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
    }
}
