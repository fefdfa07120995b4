package org.proposalledger.command.reference;

import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;

/** The rules all three reference aggregates share. */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static void requireRecorder(Actor actor, String what) {
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SYSTEM)) {
            throw CommandRejectedException.forbidden("office-only", "Only the congress office may record " + what + ".");
        }
    }

    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw CommandRejectedException.invalid("name-required", "A " + what + " needs a name.");
        }
    }
}
