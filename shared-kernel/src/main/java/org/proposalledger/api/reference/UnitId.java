package org.proposalledger.api.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifier; serialised as its bare string so stored events and JSON stay readable. */
public record UnitId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnitId {
        Objects.requireNonNull(value, "UnitId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("UnitId must not be blank");
        }
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
