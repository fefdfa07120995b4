package org.proposalledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/** A request parameter a client got wrong: answered 400 by {@link ProblemHandling} with the field named. */
public class InvalidParameter extends IllegalArgumentException {

    private final String field;

    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public ProblemDetail toProblem() {
        ProblemDetail pd = Problems.of(HttpStatus.BAD_REQUEST, "Parameter '" + field + "' " + getMessage() + ".",
                "invalid-request");
        pd.setProperty("errors", List.of(Map.of("field", field, "message", getMessage())));
        return pd;
    }
}
