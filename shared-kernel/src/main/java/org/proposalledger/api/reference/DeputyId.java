package org.proposalledger.api.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifier; serialised as its bare string so stored events and JSON stay readable. */
public record DeputyId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DeputyId {
        Objects.requireNonNull(value, "DeputyId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("DeputyId must not be blank");
        }
    }

    public static DeputyId of(String value) {
        return new DeputyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
