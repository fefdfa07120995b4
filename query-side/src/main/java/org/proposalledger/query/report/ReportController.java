package org.proposalledger.query.report;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.query.core.ProposalIds;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's key-suggestions report, written from the read models in the layout governments
 * publish: as UTF-8 text, and as .docx since that is what such reports are edited in.
 */
@RestController
@RequestMapping("/api/v1/reports/sessions")
public class ReportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final MongoTemplate mongo;
    private final ProposalStore proposals;
    private final KeyProposalsReportBuilder builder = new KeyProposalsReportBuilder();
    private final DocxWriter docx = new DocxWriter();

    public ReportController(MongoTemplate mongo, ProposalStore proposals) {
        this.mongo = mongo;
        this.proposals = proposals;
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
        Actor actor = CurrentActor.get();
        // a unit or deputy sees only its own proposals; the whole session's report is for the office and readers
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw new AccessDeniedException("reports are for the office, supervisors and readers");
        }
        Document session = ProposalIds.isValid(sessionId)
                ? mongo.getCollection(ReferenceDataProjection.SESSIONS).find(Filters.eq("_id", sessionId)).first()
                : null;
        if (session == null) {
            throw new NotFoundException("No such session: " + sessionId);
        }
        List<ProposalView> views = proposals.collection().find(Filters.eq("sessionId", sessionId))
                .map(proposals::fromDocument).into(new ArrayList<>());
        Map<String, KeyProposalsReportBuilder.Unit> units = new HashMap<>();
        Map<String, String> deputies = new HashMap<>();
        return builder.build(session.getString("name"), views,
                unitId -> units.computeIfAbsent(unitId, this::unit),
                deputyId -> deputies.computeIfAbsent(deputyId, this::deputyName));
    }

    private KeyProposalsReportBuilder.Unit unit(String id) {
        Document d = mongo.getCollection(ReferenceDataProjection.UNITS).find(Filters.eq("_id", id)).first();
        return d == null ? null
                : new KeyProposalsReportBuilder.Unit(d.getString("name"), UnitKind.valueOf(d.getString("kind")));
    }

    private String deputyName(String id) {
        Document d = mongo.getCollection(ReferenceDataProjection.DEPUTIES).find(Filters.eq("_id", id)).first();
        return d == null ? null : d.getString("name");
    }
}
