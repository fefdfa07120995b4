package org.proposalledger.command.web;

import org.proposalledger.api.Ids;
import org.proposalledger.api.error.CommandRejectedException;

/**
 * Ids taken from a URL path, in the one shape of {@link Ids}. Checked by hand rather than with a constraint annotation, because
 * a constraint on a path variable switches Spring to method validation, which reports body
 * field errors without their field names.
 */
public final class PathIds {

    private PathIds() {
    }

    public static String check(String id) {
        if (!Ids.isValid(id)) {
            throw CommandRejectedException.invalid("invalid-id", "An id " + Ids.MESSAGE + ".");
        }
        return id;
    }
}
