package org.proposalledger.api.error;

import java.util.Objects;
import java.util.Set;

/**
 * A read (or a read-side operation such as a rebuild) refused by a rule: the same problem shape as
 * {@link CommandRejectedException} — {@code rule} is the stable machine-readable code, the message is
 * for people — but it says that nothing was asked of an aggregate. The HTTP status follows the same
 * kinds as command rejections: a rule about the state of the read side (a rebuild running or not
 * possible) is a {@link Rejection#CONFLICT} (409), any other refusal is {@link Rejection#FORBIDDEN} (403).
 */
public class ReadRefusedException extends RuntimeException {

    /** The read-side rules that depend on state, not on who asks. */
    private static final Set<String> CONFLICT_RULES =
            Set.of("rebuild-running", "rebuild-not-possible", "read-model-rebuilding");

    private final Rejection kind;
    private final String rule;

    public ReadRefusedException(String rule, String detail) {
        this(CONFLICT_RULES.contains(rule) ? Rejection.CONFLICT : Rejection.FORBIDDEN, rule, detail);
    }

    public ReadRefusedException(Rejection kind, String rule, String detail) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.rule = Objects.requireNonNull(rule);
    }

    public Rejection kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    /** The people-readable reason (the exception's message). */
    public String detail() {
        return getMessage();
    }
}
