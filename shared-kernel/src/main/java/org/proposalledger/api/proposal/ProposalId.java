package org.proposalledger.api.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifier; serialised as its bare string so stored events and JSON stay readable. */
public record ProposalId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProposalId {
        Objects.requireNonNull(value, "ProposalId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ProposalId must not be blank");
        }
    }

    public static ProposalId of(String value) {
        return new ProposalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
