package org.proposalledger.query.report;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalPage;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.GetUnitTable;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.query.dashboard.UnitTable;
import org.proposalledger.platform.web.Queries;
import org.proposalledger.api.Ids;
import org.proposalledger.query.reference.ReferenceQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Exports for downstream tools: the proposal list and the unit table of a session, as CSV
 * (UTF-8 with BOM) or XLSX. The data comes through the query bus as the signed-in actor, so an
 * export shows exactly what the same user sees in the JSON API; the proposal list is read a
 * page at a time and written as it goes.
 */
@RestController
@RequestMapping("/api/v1/reports/sessions/{sessionId}")
public class ExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    static final List<String> PROPOSAL_COLUMNS = List.of("number", "id", "title", "proposers", "category", "status",
            "key", "leadUnitId", "coUnitIds", "assignedOn", "dueOn", "overdue", "consultedBeforeFirstReply",
            "firstRepliedOn", "firstReplyLate", "latestClass", "latestRating");
    static final List<String> UNIT_COLUMNS = List.of("rank", "unitId", "unitName", "assigned", "replied",
            "repliedOnTime", "consultedBeforeFirstReply", "rated", "satisfied", "basicallySatisfied", "unsatisfied",
            "overdue", "classA", "classB", "classC", "classD", "medianDaysToReply", "replyRate", "onTimeReplyRate",
            "consultationRate", "satisfactionRate", "satisfiedRate", "sortBy", "sample", "wilsonLower", "wilsonUpper");

    private final Queries queries;

    public ExportController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/proposals.csv")
    public void proposalsCsv(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                             HttpServletResponse response) throws IOException {
        start(response, CSV, sessionId + "-proposals.csv");
        try (Table t = Table.csv(response.getOutputStream())) {
            proposals(sessionId, t);
        }
    }

    @GetMapping("/proposals.xlsx")
    public void proposalsXlsx(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                              HttpServletResponse response) throws IOException {
        start(response, XLSX, sessionId + "-proposals.xlsx");
        try (Table t = Table.xlsx(response.getOutputStream(), "proposals")) {
            proposals(sessionId, t);
        }
    }

    @GetMapping("/units.csv")
    public void unitsCsv(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                         @RequestParam(defaultValue = "replyRate") String sortBy,
                         @RequestParam(defaultValue = "0") int minSample,
                         HttpServletResponse response) throws IOException {
        UnitTable table = unitTable(sessionId, sortBy, minSample);
        start(response, CSV, sessionId + "-units.csv");
        try (Table t = Table.csv(response.getOutputStream())) {
            units(table, t);
        }
    }

    @GetMapping("/units.xlsx")
    public void unitsXlsx(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                          @RequestParam(defaultValue = "replyRate") String sortBy,
                          @RequestParam(defaultValue = "0") int minSample,
                          HttpServletResponse response) throws IOException {
        UnitTable table = unitTable(sessionId, sortBy, minSample);
        start(response, XLSX, sessionId + "-units.xlsx");
        try (Table t = Table.xlsx(response.getOutputStream(), "units")) {
            units(table, t);
        }
    }

    private UnitTable unitTable(String sessionId, String sortBy, int minSample) {
        if (!Rates.NAMES.contains(sortBy)) {
            throw new IllegalArgumentException("sortBy must be one of " + Rates.NAMES);
        }
        if (minSample < 0) {
            throw new IllegalArgumentException("minSample must not be negative");
        }
        return queries.ask(new GetUnitTable(sessionId, sortBy, minSample, null), UnitTable.class);
    }

    private static void start(HttpServletResponse response, String type, String file) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    private void proposals(String sessionId, Table t) {
        t.row(PROPOSAL_COLUMNS);
        String cursor = null;
        do {
            ProposalPage page = queries.ask(new ListProposals(sessionId, null, null, null, null, ListProposals.MAX_LIMIT,
                    cursor), ProposalPage.class);
            for (ProposalView v : page.items()) {
                ProposalView.Reply first = v.replies().stream().min((a, b) -> Integer.compare(a.round(), b.round()))
                        .orElse(null);
                ProposalView.Reply latest = v.replies().stream().max((a, b) -> Integer.compare(a.round(), b.round()))
                        .orElse(null);
                ProposalView.RatingEntry rating = v.ratings().isEmpty() ? null : v.ratings().get(v.ratings().size() - 1);
                t.row(Arrays.asList(v.number(), v.id(), v.title(), String.join("、", v.proposers()), v.category(),
                        v.status(), v.key() ? "yes" : "no", v.leadUnitId(), String.join(" ", v.coUnitIds()),
                        str(v.assignedOn()), str(v.dueOn()), v.overdue() ? "yes" : "no",
                        v.consultations().stream().anyMatch(ProposalView.Consultation::beforeFirstReply) ? "yes" : "no",
                        first == null ? null : str(first.repliedOn()), first == null ? null : first.late() ? "yes" : "no",
                        latest == null ? null : latest.classification(), rating == null ? null : rating.rating()));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private void units(UnitTable table, Table t) {
        t.row(UNIT_COLUMNS);
        List<UnitTable.Row> rows = new ArrayList<>(table.ranked());
        rows.addAll(table.belowMinimumSample());
        Map<String, String> names = queries.ask(new ReferenceQueries.GetUnitNames(
                rows.stream().map(UnitTable.Row::unitId).distinct().toList()), ReferenceQueries.UnitNames.class).names();
        for (UnitTable.Row r : rows) {
            ScopeCounts c = r.figures().counts();
            Rates rates = r.figures().rates();
            String name = names.get(r.unitId());
            t.row(Arrays.asList(r.rank(), r.unitId(), name, c.assigned(), c.replied(), c.repliedOnTime(),
                    c.consultedBeforeFirstReply(), c.rated(), c.satisfied(), c.basicallySatisfied(), c.unsatisfied(),
                    c.overdue(), c.classA(), c.classB(), c.classC(), c.classD(), r.figures().medianDaysToReply(),
                    rates.replyRate(), rates.onTimeReplyRate(), rates.consultationRate(), rates.satisfactionRate(),
                    rates.satisfiedRate(), table.sortBy(), r.sample(), r.wilson().lower(), r.wilson().upper()));
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
