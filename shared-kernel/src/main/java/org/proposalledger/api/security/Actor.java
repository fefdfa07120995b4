package org.proposalledger.api.security;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who issues a command. Travels in message metadata (never in payloads) so every event
 * carries it without each event type repeating it.
 */
public record Actor(String user, Role role, String unitId, String deputyId) {

    public static final String USER = "user";
    public static final String ROLE = "role";
    public static final String UNIT_ID = "unitId";
    public static final String DEPUTY_ID = "deputyId";
    public static final String CORRELATION_ID = "correlationId";

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null, null);

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        if (role == Role.UNIT && unitId == null) {
            throw new IllegalArgumentException("a UNIT actor needs a unitId");
        }
        if (role == Role.DEPUTY && deputyId == null) {
            throw new IllegalArgumentException("a DEPUTY actor needs a deputyId");
        }
    }

    public static Actor office(String user) {
        return new Actor(user, Role.OFFICE, null, null);
    }

    /** The import of a published report, on behalf of {@code user}. */
    public static Actor importer(String user) {
        return new Actor(user, Role.IMPORT, null, null);
    }

    public static Actor unit(String user, String unitId) {
        return new Actor(user, Role.UNIT, unitId, null);
    }

    public static Actor deputy(String user, String deputyId) {
        return new Actor(user, Role.DEPUTY, null, deputyId);
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean actsForUnit(String unit) {
        return role == Role.UNIT && unitId.equals(unit);
    }

    public boolean actsForDeputy(String deputy) {
        return role == Role.DEPUTY && deputyId.equals(deputy);
    }

    /** Metadata entries that identify this actor. */
    public Map<String, Object> toMetaData() {
        Map<String, Object> m = new HashMap<>();
        m.put(USER, user);
        m.put(ROLE, role.name());
        if (unitId != null) {
            m.put(UNIT_ID, unitId);
        }
        if (deputyId != null) {
            m.put(DEPUTY_ID, deputyId);
        }
        return m;
    }

    /**
     * The metadata a message sent by this actor carries: who acts, and the correlation id that
     * ties a request, its messages, events and log lines together. The one place it is built.
     */
    public MetaData metaData(String correlationId) {
        return MetaData.from(toMetaData()).and(CORRELATION_ID, correlationId);
    }

    /** The actor recorded in a message's metadata, if any. */
    public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
        Object user = metaData.get(USER);
        Object role = metaData.get(ROLE);
        if (user == null || role == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Actor(user.toString(), Role.valueOf(role.toString()),
                    str(metaData.get(UNIT_ID)), str(metaData.get(DEPUTY_ID))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
