package org.proposalledger.api;

import java.util.regex.Pattern;

/**
 * The one shape of every id a client names (proposals, sessions, units, deputies): 1 to 64
 * letters, digits, '.', '_' or '-'. No colon, so a path id can never reach a reference
 * aggregate's prefixed stream ("unit:…"); nothing that needs escaping in a URL or a log line.
 */
public final class Ids {

    /** For {@code @Pattern(regexp = Ids.PATTERN)}: the length is part of the pattern. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_LENGTH = 64;
    /** What a refusal says, after the parameter's name. */
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
