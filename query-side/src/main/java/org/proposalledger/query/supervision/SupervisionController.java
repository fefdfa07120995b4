package org.proposalledger.query.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.proposalledger.platform.web.Queries;
import org.proposalledger.api.Ids;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervision views over HTTP, each answered through the query bus ({@link SupervisionQueries}). */
@RestController
@RequestMapping("/api/v1")
@Validated
public class SupervisionController {

    private final Queries queries;

    public SupervisionController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/units/{id}/todo")
    public SupervisionQueries.TodoList todo(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        return queries.ask(new SupervisionQueries.GetUnitTodo(id), SupervisionQueries.TodoList.class);
    }

    @GetMapping("/supervision/key-proposals")
    public SupervisionQueries.KeyProposals keyProposals(@RequestParam @NotBlank @Pattern(regexp = Ids.PATTERN) String sessionId) {
        return queries.ask(new SupervisionQueries.GetKeyProposals(sessionId), SupervisionQueries.KeyProposals.class);
    }

    @GetMapping("/supervision/overdue")
    public SupervisionQueries.OverdueByUnit overdue(@RequestParam @NotBlank @Pattern(regexp = Ids.PATTERN) String sessionId) {
        return queries.ask(new SupervisionQueries.GetOverdueByUnit(sessionId), SupervisionQueries.OverdueByUnit.class);
    }
}
