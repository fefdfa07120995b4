package org.proposalledger.command.imports;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;
import org.proposalledger.command.web.PathIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records a published report in the ledger through the ordinary commands: the session, units
 * and deputies it names (matched by name, created when unknown), then per suggestion submit,
 * register, assign to the named unit and reply with the handling text.
 * <p>
 * The whole document is parsed and checked before the first command, so a malformed report
 * stores nothing. Ids are name-based, so importing the same report again finds every
 * suggestion in place and changes nothing.
 * <p>
 * What the report does not state is recorded as stated-nothing: category and reply class
 * {@code NOT_STATED} (未注明), registration number 未注明, no dates (see the Proposal
 * aggregate), and the reply signed by the handling unit whose name ends the entry.
 */
public class ReportImporter {

    /** Registration numbers are not printed in published reports. */
    public static final String NOT_STATED = "未注明";

    private static final Logger log = LoggerFactory.getLogger(ReportImporter.class);
    private static final Pattern COUNTY = Pattern.compile(".*[县市区]人民政府$|.*[县市区]政府$");
    private static final int MAX_NAME = 100;
    private static final long PROGRESS_EVERY_MS = 2_000;

    /** Rules that mean "this step was taken before", so a repeated import passes over it. */
    private static final Set<String> ALREADY_DONE = Set.of("already-registered", "already-assigned",
            "already-replied", "proposal-closed", "import-reply-requires-imported-assignment");

    private final ReportParser parser = new ReportParser();
    private final CommandSender commands;
    private final ReferenceNames names;
    private final EventStore eventStore;

    public ReportImporter(CommandSender commands, ReferenceNames names, EventStore eventStore) {
        this.commands = Objects.requireNonNull(commands);
        this.names = Objects.requireNonNull(names);
        this.eventStore = Objects.requireNonNull(eventStore);
    }

    /**
     * @param sessionId the session to file the suggestions under; null to match the report's
     *                  session by name, or create it
     * @param recorder  who imports: records the reference data; the proposal steps are taken
     *                  as {@link Actor#importer} on their behalf
     */
    public ImportResult importReport(byte[] text, String sessionId, Actor recorder) {
        PublishedReport report = parser.parse(text);
        check(report);
        if (sessionId != null) {
            PathIds.check(sessionId);
        }
        boolean ownCorrelation = MDC.get(Actor.CORRELATION_ID) == null;
        if (ownCorrelation) {
            MDC.put(Actor.CORRELATION_ID, "import-" + UUID.randomUUID());
        }
        try {
            return record(report, sessionId, recorder);
        } finally {
            if (ownCorrelation) {
                MDC.remove(Actor.CORRELATION_ID);
            }
        }
    }

    /** Checks the domain needs beyond the layout, so no command can be refused halfway. */
    private static void check(PublishedReport report) {
        Map<String, Integer> seen = new HashMap<>();
        for (PublishedReport.Suggestion s : report.suggestions()) {
            Integer earlier = seen.putIfAbsent(key(s), s.line());
            if (earlier != null) {
                throw new MalformedReportException(s.line(),
                        "suggestion '" + s.title() + "' by the same proposers already appears at line " + earlier);
            }
            if (s.unit().length() > MAX_NAME) {
                throw new MalformedReportException(s.line(), "the unit name of '" + s.title() + "' is too long");
            }
        }
        if (report.sessionName().length() > MAX_NAME) {
            throw new MalformedReportException(1, "the report title is too long to name a session");
        }
    }

    private ImportResult record(PublishedReport report, String requestedSession, Actor recorder) {
        long started = System.currentTimeMillis();
        ReferenceNames.Directory directory = names.load();

        // session: the one asked for, else the one of that name, else a new one
        String sessionName = report.sessionName();
        String sessionId = requestedSession != null ? requestedSession
                : directory.session(sessionName).orElse(nameBased("session", sessionName));
        boolean sessionCreated = false;
        if (!exists(RecordCongressSession.aggregateIdOf(SessionId.of(sessionId)))) {
            // the report states no opening date
            commands.send(recorder, new RecordCongressSession(SessionId.of(sessionId), sessionName, null));
            sessionCreated = true;
        }

        Map<String, String> unitIds = new LinkedHashMap<>();
        int unitsCreated = 0;
        int unitsMatched = 0;
        Map<String, String> deputyIds = new LinkedHashMap<>();
        int deputiesCreated = 0;
        int deputiesMatched = 0;
        for (PublishedReport.Suggestion s : report.suggestions()) {
            if (!unitIds.containsKey(s.unit())) {
                var known = directory.unit(s.unit());
                if (known.isPresent()) {
                    unitIds.put(s.unit(), known.get());
                    unitsMatched++;
                } else {
                    String id = nameBased("unit", s.unit());
                    // an earlier import's unit, renamed since: keep it as it is now
                    if (exists(RecordHandlingUnit.aggregateIdOf(UnitId.of(id)))) {
                        unitsMatched++;
                    } else {
                        commands.send(recorder, new RecordHandlingUnit(UnitId.of(id), s.unit(), kindOf(s.unit())));
                        unitsCreated++;
                    }
                    unitIds.put(s.unit(), id);
                }
            }
            for (String name : s.proposers()) {
                if (!deputyIds.containsKey(name)) {
                    var known = directory.deputy(name);
                    if (known.isPresent()) {
                        deputyIds.put(name, known.get());
                        deputiesMatched++;
                    } else {
                        String id = nameBased("deputy", name);
                        if (exists(RecordDeputy.aggregateIdOf(DeputyId.of(id)))) {
                            deputiesMatched++;
                        } else {
                            // the report names no delegation
                            commands.send(recorder, new RecordDeputy(DeputyId.of(id), name, null));
                            deputiesCreated++;
                        }
                        deputyIds.put(name, id);
                    }
                }
            }
        }

        Actor importer = Actor.importer(recorder.user());
        int created = 0;
        int unchanged = 0;
        long lastProgress = started;
        List<PublishedReport.Suggestion> all = report.suggestions();
        for (int n = 0; n < all.size(); n++) {
            PublishedReport.Suggestion s = all.get(n);
            ProposalId id = proposalId(sessionId, s);
            if (exists(id.value())) {
                unchanged++;
            } else {
                List<DeputyId> proposers = new ArrayList<>();
                s.proposers().forEach(p -> proposers.add(DeputyId.of(deputyIds.get(p))));
                commands.send(importer, new SubmitProposal(id, SessionId.of(sessionId), s.title(), proposers,
                        s.andOthers(), Category.NOT_STATED, s.background(), s.suggestions()));
                created++;
            }
            // each later step once: on a repeated (or resumed) import the aggregate refuses what was done
            unlessDone(importer, new RegisterProposal(id, NOT_STATED));
            unlessDone(importer, new AssignProposal(id, UnitId.of(unitIds.get(s.unit())), List.of(), null));
            unlessDone(importer, new ReplyToProposal(id, ReplyClass.NOT_STATED, s.handling(), s.unit()));
            long now = System.currentTimeMillis();
            if (now - lastProgress >= PROGRESS_EVERY_MS || n + 1 == all.size()) {
                log.info("import of '{}': {}/{} suggestions ({} new, {} already recorded)", sessionName, n + 1,
                        all.size(), created, unchanged);
                lastProgress = now;
            }
        }
        log.info("import of '{}' into session {} done in {} ms", sessionName, sessionId,
                System.currentTimeMillis() - started);
        return new ImportResult(sessionId, sessionName, sessionCreated, all.size(), created, unchanged,
                unitsCreated, unitsMatched, deputiesCreated, deputiesMatched, report.figures());
    }

    private void unlessDone(Actor importer, Object command) {
        try {
            commands.send(importer, command);
        } catch (CommandRejectedException e) {
            if (!ALREADY_DONE.contains(e.rule())) {
                throw e;
            }
        }
    }

    private boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }

    /** County governments (县/市/区 人民政府) are county units; every other unit is a department. */
    static UnitKind kindOf(String unitName) {
        return COUNTY.matcher(unitName).matches() ? UnitKind.COUNTY : UnitKind.DEPARTMENT;
    }

    /** Same session, title and proposers → same id, so a second import finds the first. */
    static ProposalId proposalId(String sessionId, PublishedReport.Suggestion s) {
        return ProposalId.of(nameBased("proposal", sessionId + "\n" + s.title() + "\n" + String.join(" ", s.proposers())));
    }

    private static String key(PublishedReport.Suggestion s) {
        return s.title() + "\n" + String.join(" ", s.proposers());
    }

    static String nameBased(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + "\n" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
