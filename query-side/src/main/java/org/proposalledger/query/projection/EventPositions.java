package org.proposalledger.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global position of stored events, by event id. A read model asks when an event's
 * tracking token does not tell it (see {@link Coverage#exactPosition}).
 */
@FunctionalInterface
public interface EventPositions {

    /** Events are not in a table this process reads (Axon Server, whose tokens carry the position). */
    EventPositions NONE = ids -> Map.of();

    /** The global position of each of {@code eventIds} the store holds; unknown ids are left out. */
    Map<String, Long> globalIndexes(Collection<String> eventIds);

    /** Reads Axon's JDBC event table (default schema), one query per thousand ids. */
    static EventPositions jdbc(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return ids -> {
            Map<String, Long> out = new HashMap<>();
            List<String> list = List.copyOf(ids);
            for (int from = 0; from < list.size(); from += 1000) {
                List<String> chunk = list.subList(from, Math.min(list.size(), from + 1000));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                jdbc.query("SELECT eventIdentifier, globalIndex FROM domainevententry WHERE eventIdentifier IN ("
                        + marks + ")", rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                }, chunk.toArray());
            }
            return out;
        };
    }
}
