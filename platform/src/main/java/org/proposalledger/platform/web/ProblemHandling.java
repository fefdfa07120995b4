package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.error.ReadRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error raised inside Spring MVC as an RFC 9457 problem (made by {@link Problems}): 400 with
 * field errors, 403, 404, 409 naming the broken rule (property {@code rule}); Spring's own refusals
 * (405, 406, 415 …) get the ledger's type and a rule too. Anything unexpected is a bare 500 with no
 * internals. What is refused before Spring MVC is answered in the same shape by the security
 * handlers, {@link FirewallRejections}, {@link ProblemErrorController} and {@link ProblemReportValve}.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(status, e.getMessage(), e.rule());
    }

    @ExceptionHandler(ReadRefusedException.class)
    ProblemDetail readRefused(ReadRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, e.detail(), e.rule());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail execution(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandRejectedException r) {
            return rejected(r);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such " + kind(e) + ": " + e.getAggregateIdentifier(), "not-found");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), "not-found");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment, or it already exists; reload and try again.",
                "concurrent-modification");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "It already exists.", "already-exists");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this.", "forbidden");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "The request has invalid values.", "invalid-request");
        pd.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList());
        return pd;
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail invalidParameter(InvalidParameter e) {
        return e.toProblem();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        // thrown by value types and query records checking what a client sent
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "invalid-request");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' has an invalid value.",
                "invalid-request");
        pd.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return pd;
    }

    /**
     * The security firewall checks some parts of a request lazily (a header value with control
     * characters, when it is first read): that can happen inside a handler.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e) {
        return FirewallRejections.problem();
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", "internal-error");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", "invalid-request");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                Map.of("field", g.getObjectName(), "message", String.valueOf(g.getDefaultMessage()))));
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getParameterName() + "' is required.", "invalid-request");
        pd.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "The request has invalid values.", "invalid-request");
        pd.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null
                                ? "parameter" : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList());
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail pd;
        Throwable cause = ex.getCause();
        String duplicate = JsonBodies.duplicateField(cause);
        if (cause instanceof RequestSizeFilter.TooLarge tooLarge) {
            // a body without Content-Length (chunked) that ran over the limit while being read
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
        } else if (duplicate != null) {
            pd = problem(HttpStatus.BAD_REQUEST, "Field '" + duplicate + "' appears more than once.", "invalid-request");
            pd.setProperty("errors", List.of(Map.of("field", duplicate, "message", "appears more than once")));
        } else if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = jme instanceof InvalidFormatException ife && ife.getTargetType() != null
                    && ife.getTargetType().isEnum()
                    ? "must be one of " + List.of(ife.getTargetType().getEnumConstants())
                    : "has an invalid value";
            pd = problem(HttpStatus.BAD_REQUEST, "Field '" + field + "' " + message + ".", "invalid-request");
            pd.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else if (cause instanceof JsonProcessingException) {
            pd = problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON.", "malformed-json");
        } else {
            pd = problem(HttpStatus.BAD_REQUEST, "The body is missing or unreadable.", "malformed-json");
        }
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getProperties() == null) {
            // Spring's own refusals (405, 406, 415, 404 for no handler …): the ledger's type and rule
            String rule = Problems.ruleFor(statusCode.value());
            pd.setType(URI.create(Problems.TYPE_PREFIX + rule));
            pd.setProperty("rule", rule);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String detail, String rule) {
        return Problems.of(status, detail, rule);
    }

    private static String kind(AggregateNotFoundException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return msg.contains("Proposal") ? "proposal" : "record";
    }
}
