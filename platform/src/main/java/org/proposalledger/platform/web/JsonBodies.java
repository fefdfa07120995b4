package org.proposalledger.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What went wrong in a JSON request body, for {@link ProblemHandling}. The web ObjectMapper reads
 * with {@code STRICT_DUPLICATE_DETECTION} ({@code spring.jackson.parser.strict-duplicate-detection}):
 * without it a key sent twice reaches the record's creator twice and Jackson fails with an
 * {@code InvalidDefinitionException} (a 500) instead of saying which field was repeated.
 */
final class JsonBodies {

    /** jackson-core's wording in {@code JsonReadContext._checkDup}. */
    private static final String DUPLICATE = "Duplicate field '";

    private JsonBodies() {
    }

    /** The repeated field's path ({@code a.b}, {@code list.[0].c}), or null when the cause is something else. */
    static String duplicateField(Throwable cause) {
        if (!(cause instanceof JsonParseException e) || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith(DUPLICATE)) {
            return null;
        }
        JsonParser parser = e.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            // the context already holds the repeated name when the duplicate is detected
            return path(parser.getParsingContext());
        }
        String m = e.getOriginalMessage();
        int end = m.lastIndexOf('\'');
        return end > DUPLICATE.length() ? m.substring(DUPLICATE.length(), end) : "(unknown)";
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.addFirst(String.valueOf(c.getCurrentName()));
            } else if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        return String.join(".", parts);
    }
}
