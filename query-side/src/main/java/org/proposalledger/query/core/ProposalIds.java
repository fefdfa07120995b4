package org.proposalledger.query.core;

import java.util.regex.Pattern;

/** The shape an id must have before it is looked up. */
public final class ProposalIds {

    public static final String PATTERN = "[A-Za-z0-9._-]+";
    public static final int MAX_LENGTH = 64;
    /** What a request is told when an id has another shape. */
    public static final String MESSAGE = "must be 1-64 characters of A-Z a-z 0-9 . _ -";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ProposalIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && COMPILED.matcher(id).matches();
    }
}
