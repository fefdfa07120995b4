package org.proposalledger.command.imports;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.DeputyUpdated;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.HandlingUnitUpdated;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds sessions, units and deputies by name, from the event store itself: the command side
 * has no read model, and an import right after someone recorded a unit by hand must match it,
 * which a lagging projection might not. One pass over the stream per import; only reference
 * events are deserialised.
 */
public class ReferenceNames {

    private final EventStorageEngine engine;

    /** {@code engine} null (Axon Server): nothing is matched by name, only by the importer's name-based ids. */
    public ReferenceNames(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** Ids by current name; where several share a name, the first recorded wins. */
    public Directory load() {
        Map<String, String> sessions = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> deputies = new LinkedHashMap<>();
        if (engine == null) {
            return new Directory(Map.of(), Map.of(), Map.of());
        }
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(m -> {
                Class<?> type = m.getPayloadType();
                if (type == CongressSessionRegistered.class || type == CongressSessionUpdated.class) {
                    Object p = m.getPayload();
                    if (p instanceof CongressSessionRegistered e) {
                        sessions.put(e.sessionId().value(), e.name());
                    } else if (p instanceof CongressSessionUpdated e) {
                        sessions.put(e.sessionId().value(), e.name());
                    }
                } else if (type == HandlingUnitRegistered.class || type == HandlingUnitUpdated.class) {
                    Object p = m.getPayload();
                    if (p instanceof HandlingUnitRegistered e) {
                        units.put(e.unitId().value(), e.name());
                    } else if (p instanceof HandlingUnitUpdated e) {
                        units.put(e.unitId().value(), e.name());
                    }
                } else if (type == DeputyRegistered.class || type == DeputyUpdated.class) {
                    Object p = m.getPayload();
                    if (p instanceof DeputyRegistered e) {
                        deputies.put(e.deputyId().value(), e.name());
                    } else if (p instanceof DeputyUpdated e) {
                        deputies.put(e.deputyId().value(), e.name());
                    }
                }
            });
        }
        return new Directory(invert(sessions), invert(units), invert(deputies));
    }

    private static Map<String, String> invert(Map<String, String> idToName) {
        Map<String, String> byName = new HashMap<>();
        idToName.forEach((id, name) -> byName.putIfAbsent(name, id));
        return byName;
    }

    public record Directory(Map<String, String> sessions, Map<String, String> units, Map<String, String> deputies) {

        public Optional<String> session(String name) {
            return Optional.ofNullable(sessions.get(name));
        }

        public Optional<String> unit(String name) {
            return Optional.ofNullable(units.get(name));
        }

        public Optional<String> deputy(String name) {
            return Optional.ofNullable(deputies.get(name));
        }
    }
}
