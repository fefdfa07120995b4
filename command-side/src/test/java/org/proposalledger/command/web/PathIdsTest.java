package org.proposalledger.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proposalledger.api.error.CommandRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"commerce", "0190a1b2-0000-7000-8000-000000000001", "lvliang_5.2"})
    void accepts_plain_ids(String id) {
        assertThat(PathIds.check(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unit:commerce", "a b", "商务局", "../etc"})
    void refuses_ids_outside_the_safe_alphabet(String id) {
        assertThatThrownBy(() -> PathIds.check(id)).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void refuses_ids_longer_than_64_characters() {
        assertThat(PathIds.check("a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> PathIds.check("a".repeat(65))).isInstanceOf(CommandRejectedException.class);
    }
}
