package org.proposalledger.query.core;

import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;

import java.util.Map;
import java.util.Optional;

/**
 * Who asks a query, and so which proposals they may see. OFFICE, SUPERVISOR, READER and
 * SYSTEM see all; a UNIT sees proposals it leads or co-handles; a DEPUTY those they proposed.
 * Anything else is treated as absent, so the caller cannot tell "hidden" from "unknown".
 * <p>
 * The HTTP API always sends the signed-in actor. A query-bus message without any actor
 * metadata comes from a trusted downstream service and sees all; one whose actor metadata
 * cannot be read sees nothing.
 */
public final class Viewer {

    private static final Viewer TRUSTED = new Viewer(null, false);
    private static final Viewer NOBODY = new Viewer(null, true);

    private final Actor actor;
    private final boolean nobody;

    private Viewer(Actor actor, boolean nobody) {
        this.actor = actor;
        this.nobody = nobody;
    }

    public static Viewer of(Actor actor) {
        return new Viewer(actor, false);
    }

    public static Viewer fromMetaData(Map<String, ?> metaData) {
        if (!metaData.containsKey(Actor.USER) && !metaData.containsKey(Actor.ROLE)) {
            return TRUSTED;
        }
        Optional<Actor> actor = Actor.fromMetaData(metaData);
        return actor.map(Viewer::of).orElse(NOBODY);
    }

    public boolean seesAll() {
        if (nobody) {
            return false;
        }
        return actor == null || !(actor.is(Role.UNIT) || actor.is(Role.DEPUTY));
    }

    /** True when the actor metadata could not be read: such a viewer sees nothing. */
    public boolean isNobody() {
        return nobody;
    }

    /** The unit a UNIT viewer is limited to; null for any other viewer. */
    public String limitedToUnit() {
        return !nobody && actor != null && actor.is(Role.UNIT) ? actor.unitId() : null;
    }

    /** The deputy a DEPUTY viewer is limited to; null for any other viewer. */
    public String limitedToDeputy() {
        return !nobody && actor != null && actor.is(Role.DEPUTY) ? actor.deputyId() : null;
    }

    public boolean canSee(ProposalView view) {
        if (view == null || nobody) {
            return false;
        }
        if (seesAll()) {
            return true;
        }
        if (actor.is(Role.UNIT)) {
            return actor.unitId().equals(view.leadUnitId())
                    || (view.coUnitIds() != null && view.coUnitIds().contains(actor.unitId()));
        }
        return view.proposers() != null && view.proposers().contains(actor.deputyId());
    }

    /** True when the asker acts in one of {@code roles}, or is a trusted service (no actor metadata). */
    public boolean actsAsAnyOf(Role... roles) {
        if (nobody) {
            return false;
        }
        if (actor == null) {
            return true;
        }
        for (Role r : roles) {
            if (actor.is(r)) {
                return true;
            }
        }
        return false;
    }

    /** True unless the asker is a deputy, a unit other than {@code unitId}, or unreadable: who sees a unit's work. */
    public boolean seesUnit(String unitId) {
        if (nobody) {
            return false;
        }
        return actor == null || !(actor.is(Role.DEPUTY) || (actor.is(Role.UNIT) && !actor.actsForUnit(unitId)));
    }

    /** The query narrowed to what this viewer may see; empty when they may see nothing. */
    public Optional<ListProposals> restrict(ListProposals q) {
        if (nobody) {
            return Optional.empty();
        }
        if (seesAll()) {
            return Optional.of(q);
        }
        if (actor.is(Role.UNIT)) {
            return Optional.of(new ListProposals(q.sessionId(), actor.unitId(), q.status(), q.category(),
                    q.deputyId(), q.limit(), q.cursor(), q.text(), q.sort()));
        }
        return Optional.of(new ListProposals(q.sessionId(), q.unitId(), q.status(), q.category(),
                actor.deputyId(), q.limit(), q.cursor(), q.text(), q.sort()));
    }
}
