package org.proposalledger.platform.web;

import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.error.ReadRefusedException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** A read refusal is a problem of the same shape as a command rejection, with the same statuses. */
class ReadRefusalHandlingTest {

    final ProblemHandling handling = new ProblemHandling();

    @Test
    void whoMayReadIsA403NamingTheRule() {
        ProblemDetail pd = handling.refused(new ReadRefusedException("office-only", "Only the office verifies."));
        assertThat(pd.getStatus()).isEqualTo(403);
        assertThat(pd.getProperties()).containsEntry("rule", "office-only");
        assertThat(pd.getType().toString()).isEqualTo(Problems.TYPE_PREFIX + "office-only");
        assertThat(pd.getDetail()).isEqualTo("Only the office verifies.");
    }

    @Test
    void theReadSidesStateIsA409() {
        ProblemDetail pd = handling.refused(new ReadRefusedException("rebuild-running", "A rebuild is running."));
        assertThat(pd.getStatus()).isEqualTo(409);
        assertThat(pd.getProperties()).containsEntry("rule", "rebuild-running");
    }

    @Test
    void aRefusalInsideAQueryHandlerIsUnwrapped() {
        ProblemDetail pd = handling.queryExecution(new QueryExecutionException("failed",
                new ReadRefusedException("own-unit-only", "A unit sees only its own to-do list.")));
        assertThat(pd.getStatus()).isEqualTo(403);
        assertThat(pd.getProperties()).containsEntry("rule", "own-unit-only");
        assertThat(handling.queryExecution(new QueryExecutionException("failed", new IllegalStateException("bug")))
                .getStatus()).isEqualTo(500);
    }
}
