package org.proposalledger.command.web;

import org.proposalledger.api.error.CommandRejectedException;

import java.util.regex.Pattern;

/**
 * Ids taken from a URL path. Checked by hand rather than with a constraint annotation, because
 * a constraint on a path variable switches Spring to method validation, which reports body
 * field errors without their field names.
 */
public final class PathIds {

    /** No colon: reference aggregates use "kind:" prefixes, so a path id can never reach one. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private PathIds() {
    }

    public static String check(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw CommandRejectedException.invalid("invalid-id",
                    "An id is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        return id;
    }
}
