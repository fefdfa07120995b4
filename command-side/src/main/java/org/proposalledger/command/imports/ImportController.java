package org.proposalledger.command.imports;

import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** Upload of a published report: the text as the body, UTF-8. Office staff only. */
@RestController
@RequestMapping("/api/v1/imports")
public class ImportController {

    private final ReportImporter importer;

    public ImportController(ReportImporter importer) {
        this.importer = importer;
    }

    /** 201 when the import recorded anything, 200 when the ledger already held all of it. */
    // JSON answers declared up front: an Accept ruling JSON out is a 406 before anything is imported
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportResult> upload(@RequestBody(required = false) byte[] body,
                                               @RequestParam(required = false) String sessionId,
                                               @RequestHeader(value = "Content-Type", required = false) String contentType) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the congress office may import a report.");
        }
        MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
        if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            throw new MalformedReportException(1, "the body is declared as " + type.getCharset()
                    + "; send the report as UTF-8 (text/plain; charset=UTF-8)");
        }
        ImportResult result = importer.importReport(body == null ? new byte[0] : body, sessionId, actor);
        return ResponseEntity.status(result.changedAnything() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @ExceptionHandler(MalformedReportException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedReportException e) {
        ProblemDetail pd = Problems.of(HttpStatus.BAD_REQUEST, "Malformed report",
                "The report cannot be read at line " + e.line() + ": " + e.reason() + ". Nothing was imported.",
                "malformed-report");
        pd.setProperty("line", e.line());
        pd.setProperty("reason", e.reason());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
