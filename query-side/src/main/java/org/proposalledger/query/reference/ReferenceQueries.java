package org.proposalledger.query.reference;

import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names for ids, on the query bus: reference data is public to every signed-in reader. */
@Component
public class ReferenceQueries {

    /** The names of {@code unitIds}; unknown ids are left out. */
    public record GetUnitNames(List<String> unitIds) {
    }

    public record UnitNames(Map<String, String> names) {
    }

    private final MongoTemplate mongo;

    public ReferenceQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public UnitNames unitNames(GetUnitNames query) {
        Map<String, String> names = new HashMap<>();
        for (Document d : mongo.getCollection(ReferenceDataProjection.UNITS)
                .find(Filters.in("_id", query.unitIds()))) {
            if (d.getString("name") != null) {
                names.put(d.getString("_id"), d.getString("name"));
            }
        }
        return new UnitNames(names);
    }
}
