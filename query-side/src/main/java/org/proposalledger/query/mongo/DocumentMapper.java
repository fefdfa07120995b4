package org.proposalledger.query.mongo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns read-model records into BSON documents and back through the Jackson mapper that also
 * writes stored events, so a document has the same shape as the JSON of what it came from.
 * Dates go in as ISO-8601 strings, which round-trip exactly (BSON dates would cut Instants
 * to milliseconds and shift LocalDates by the zone); ISO local dates still compare correctly
 * as strings.
 */
public class DocumentMapper {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public DocumentMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code value} as a map of JSON values, e.g. an event payload. */
    public Map<String, Object> toMap(Object value) {
        return mapper.convertValue(value, MAP);
    }

    /** {@code value} as a document whose {@code _id} is taken from its field {@code idField}. */
    public Document toDocument(Object value, String idField) {
        Map<String, Object> map = toMap(value);
        Document doc = new Document("_id", map.remove(idField));
        doc.putAll(map);
        return doc;
    }

    /** Reverse of {@link #toDocument}; fields the type does not know are ignored. */
    public <T> T fromDocument(Document doc, String idField, Class<T> type) {
        Map<String, Object> map = new LinkedHashMap<>(doc);
        map.put(idField, map.remove("_id"));
        return mapper.convertValue(map, type);
    }

    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }
}
