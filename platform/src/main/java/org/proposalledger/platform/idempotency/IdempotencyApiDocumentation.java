package org.proposalledger.platform.idempotency;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Documents {@code Idempotency-Key} on every POST and PUT operation under {@code /api/}: the
 * header parameter and the answers it adds (400 malformed key, 409 key in use, 422 key reused).
 */
class IdempotencyApiDocumentation implements OpenApiCustomizer {

    static final String DESCRIPTION = """
            Makes a retry of this request safe (IETF httpapi draft "The Idempotency-Key HTTP Header Field"). \
            A structured-field string of 1 to 255 printable characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324" \
            (a UUID is recommended; unquoted keys of letters, digits and . _ ~ + / = : - are taken too). \
            Keys belong to the signed-in user and are kept for ledger.idempotency.retention (24 hours) after \
            the answer. The same key with the same request (method, path and query, body bytes) is answered \
            the first answer again (status, body, Location, content type, plus Idempotent-Replayed: true) \
            and executes nothing; with another request it is 422; while the first is still running, the \
            retry waits up to ledger.idempotency.in-use-wait (2 s) for its answer, else 409. 5xx answers, \
            408/425/429 and 409 concurrent-modification are not kept: a retry executes again.""";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                Stream.of(item.getPost(), item.getPut()).filter(o -> o != null).forEach(IdempotencyApiDocumentation::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER).required(false)
                .description(DESCRIPTION)
                .schema(new StringSchema().minLength(1).maxLength(IdempotencyKey.MAX_LENGTH + 2))
                .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        answer(operation, "400", "invalid-idempotency-key", "The Idempotency-Key header is malformed (or sent twice).");
        answer(operation, "409", "idempotency-key-in-use", "A request with this Idempotency-Key is still being"
                + " processed; retry after Retry-After seconds.");
        answer(operation, "422", "idempotency-key-reused", "This Idempotency-Key was used for another request"
                + " (method, path or body differ).");
    }

    /** Adds the rule to an answer the operation already documents, or documents the answer. */
    private static void answer(Operation operation, String status, String rule, String description) {
        String line = "`" + rule + "`: " + description;
        ApiResponse existing = operation.getResponses().get(status);
        if (existing != null) {
            existing.setDescription(existing.getDescription() == null ? line : existing.getDescription() + "; " + line);
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(line)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema()
                                        .addProperty("type", new StringSchema())
                                        .addProperty("title", new StringSchema())
                                        .addProperty("status", new IntegerSchema())
                                        .addProperty("detail", new StringSchema())
                                        .addProperty("rule", new StringSchema()._enum(java.util.List.of(rule))))
                                .example(Map.of("type", "urn:proposal-ledger:problem:" + rule, "status",
                                        Integer.parseInt(status), "rule", rule, "detail", description)))));
    }
}
