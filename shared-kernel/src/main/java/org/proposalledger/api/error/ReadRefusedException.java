package org.proposalledger.api.error;

import java.util.Objects;

/**
 * A read refused by a rule: the asker may not see what they asked for (answered 403). {@code rule}
 * is a stable machine-readable code (for example {@code own-unit-only}) that clients can switch on;
 * {@code detail} is for people. Commands are refused by {@link CommandRejectedException} instead.
 */
public class ReadRefusedException extends RuntimeException {

    private final String rule;
    private final String detail;

    public ReadRefusedException(String rule, String detail) {
        super(detail, null, false, false);
        this.rule = Objects.requireNonNull(rule);
        this.detail = Objects.requireNonNull(detail);
    }

    public String rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }
}
