package org.proposalledger.query.report;

import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.platform.web.Queries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * A session's key-suggestions report, written from the read models in the layout governments
 * publish: as UTF-8 text, and as .docx since that is what such reports are edited in. Built by
 * {@link ReportQueries}, asked through the query bus.
 */
@RestController
@RequestMapping("/api/v1/reports/sessions")
public class ReportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Queries queries;
    private final DocxWriter docx = new DocxWriter();

    public ReportController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/key-proposals.txt")
    public ResponseEntity<byte[]> text(@PathVariable String id) {
        byte[] body = report(id).toText().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/{id}/key-proposals.docx")
    public ResponseEntity<byte[]> word(@PathVariable String id) {
        byte[] body = docx.write(report(id));
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(id + "-key-proposals.docx").build().toString())
                .body(body);
    }

    private KeyProposalsReport report(String sessionId) {
        KeyProposalsReport report = queries.ask(new ReportQueries.GetKeyProposalsReport(sessionId),
                KeyProposalsReport.class);
        if (report == null) {
            throw new NotFoundException("No such session: " + sessionId);
        }
        return report;
    }
}
