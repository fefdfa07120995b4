package org.proposalledger.api.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifier; serialised as its bare string so stored events and JSON stay readable. */
public record SessionId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SessionId {
        Objects.requireNonNull(value, "SessionId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("SessionId must not be blank");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
