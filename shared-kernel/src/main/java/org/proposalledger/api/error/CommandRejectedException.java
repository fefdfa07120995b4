package org.proposalledger.api.error;

import java.util.Objects;

/**
 * A command refused by a rule. {@code rule} is a stable machine-readable code (for example
 * {@code rating-requires-reply}) that clients can switch on; the message is for people.
 */
public class CommandRejectedException extends RuntimeException {

    private final Rejection kind;
    private final String rule;

    public CommandRejectedException(Rejection kind, String rule, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.rule = Objects.requireNonNull(rule);
    }

    public static CommandRejectedException conflict(String rule, String message) {
        return new CommandRejectedException(Rejection.CONFLICT, rule, message);
    }

    public static CommandRejectedException forbidden(String rule, String message) {
        return new CommandRejectedException(Rejection.FORBIDDEN, rule, message);
    }

    public static CommandRejectedException notFound(String rule, String message) {
        return new CommandRejectedException(Rejection.NOT_FOUND, rule, message);
    }

    public static CommandRejectedException invalid(String rule, String message) {
        return new CommandRejectedException(Rejection.INVALID, rule, message);
    }

    public Rejection kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    /** The serialisable form carried across a distributed command bus. */
    public RejectionDetails details() {
        return new RejectionDetails(kind, rule, getMessage());
    }
}
