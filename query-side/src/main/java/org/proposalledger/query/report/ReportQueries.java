package org.proposalledger.query.report;

import com.mongodb.client.model.Filters;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Role;
import org.proposalledger.api.Ids;
import org.proposalledger.query.core.Viewer;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers {@link GetKeyProposalsReport} on the query bus, from the read models. */
@Component
public class ReportQueries {

    /** A session's key-suggestions report; null when the session is unknown. */
    public record GetKeyProposalsReport(String sessionId) {
    }

    private final MongoTemplate mongo;
    private final ProposalStore proposals;
    private final KeyProposalsReportBuilder builder = new KeyProposalsReportBuilder();

    public ReportQueries(MongoTemplate mongo, ProposalStore proposals) {
        this.mongo = mongo;
        this.proposals = proposals;
    }

    @QueryHandler
    public KeyProposalsReport keyProposals(GetKeyProposalsReport query, MetaData metaData) {
        // a unit or deputy sees only its own proposals; the whole session's report is for the office and readers
        if (!Viewer.fromMetaData(metaData).actsAsAnyOf(Role.OFFICE, Role.SUPERVISOR, Role.READER)) {
            throw new ReadRefusedException("supervisors-only",
                    "Only the office, supervisors and readers read a session's report.");
        }
        String sessionId = query.sessionId();
        Document session = Ids.isValid(sessionId)
                ? mongo.getCollection(ReferenceDataProjection.SESSIONS).find(Filters.eq("_id", sessionId)).first()
                : null;
        if (session == null) {
            return null;
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
