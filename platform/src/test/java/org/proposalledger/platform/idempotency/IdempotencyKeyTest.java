package org.proposalledger.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"|8e03978e-40d5-43e8-bc93-6894a57f9324",
            "8e03978e-40d5-43e8-bc93-6894a57f9324|8e03978e-40d5-43e8-bc93-6894a57f9324",
            "  \"padded\"  |padded",
            "\"with space, comma; and = signs\"|with space, comma; and = signs",
            "\"esc\\\"aped\\\\\"|esc\"aped\\",
            "abc.DEF_0~+/=:-|abc.DEF_0~+/=:-"})
    void takes_a_structured_field_string_or_a_plain_unquoted_key(String header, String key) throws Exception {
        assertThat(IdempotencyKey.parse(header)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\"open", "\"a\";p=1", "\"a\", \"b\"", "a b", "a,b", "\"bad\\n\"",
            "\"caf\u00e9\"", "caf\u00e9", "\"tab\there\"", "'single'", "\"a\"b"})
    void refuses_anything_else(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header)).isInstanceOf(IdempotencyKey.Malformed.class);
    }

    @Test
    void at_most_255_characters() throws Exception {
        assertThat(IdempotencyKey.parse("\"" + "k".repeat(255) + "\"")).hasSize(255);
        assertThatThrownBy(() -> IdempotencyKey.parse("\"" + "k".repeat(256) + "\""))
                .isInstanceOf(IdempotencyKey.Malformed.class).hasMessageContaining("255");
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(256))).isInstanceOf(IdempotencyKey.Malformed.class);
    }

    @Test
    void one_header_line_only_and_none_is_no_key() throws Exception {
        assertThat(IdempotencyKey.parse(Collections.emptyEnumeration())).isNull();
        assertThat(IdempotencyKey.parse(Collections.enumeration(List.of("\"a\"")))).isEqualTo("a");
        assertThatThrownBy(() -> IdempotencyKey.parse(Collections.enumeration(List.of("\"a\"", "\"a\""))))
                .isInstanceOf(IdempotencyKey.Malformed.class).hasMessageContaining("one Idempotency-Key");
    }

    @Test
    void the_fingerprint_tells_method_path_query_and_body_apart_and_the_scope_fits_its_column() {
        byte[] body = "{\"a\":1}".getBytes();
        String base = IdempotentRequest.of("u", "k", "POST", "/api/v1/imports", "sessionId=s", body).fingerprint();
        assertThat(IdempotentRequest.of("u", "k", "POST", "/api/v1/imports", "sessionId=s", "{\"a\":1}".getBytes())
                .fingerprint()).isEqualTo(base);
        assertThat(List.of(
                IdempotentRequest.of("u", "k", "PUT", "/api/v1/imports", "sessionId=s", body),
                IdempotentRequest.of("u", "k", "POST", "/api/v1/import", "sessionId=s", body),
                IdempotentRequest.of("u", "k", "POST", "/api/v1/imports", "sessionId=t", body),
                IdempotentRequest.of("u", "k", "POST", "/api/v1/imports", null, body),
                IdempotentRequest.of("u", "k", "POST", "/api/v1/imports", "sessionId=s", "{\"a\": 1}".getBytes())))
                .extracting(IdempotentRequest::fingerprint).doesNotContain(base).doesNotHaveDuplicates();
        assertThat(IdempotentRequest.of("x".repeat(300), "k", "POST", "/p", null, body).scope())
                .startsWith("sha256:").hasSizeLessThanOrEqualTo(IdempotentRequest.MAX_SCOPE);
    }

    @Test
    void refusals_are_kept_and_what_says_try_again_is_not() {
        assertThat(IdempotencyFilter.kept(400, "invalid-request")).isTrue();
        assertThat(IdempotencyFilter.kept(403, "forbidden")).isTrue();
        assertThat(IdempotencyFilter.kept(404, "not-found")).isTrue();
        assertThat(IdempotencyFilter.kept(409, "already-registered")).isTrue();
        assertThat(IdempotencyFilter.kept(409, "concurrent-modification")).isFalse();
        assertThat(IdempotencyFilter.kept(429, null)).isFalse();
        assertThat(IdempotencyFilter.kept(408, null)).isFalse();
        assertThat(IdempotencyFilter.kept(500, "internal-error")).isFalse();
        assertThat(IdempotencyFilter.kept(503, "event-store-unavailable")).isFalse();
        assertThat(IdempotencyFilter.kept(201, null)).as("successes are stored with the command, not here").isFalse();
    }
}
