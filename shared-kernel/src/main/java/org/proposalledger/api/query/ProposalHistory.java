package org.proposalledger.api.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A proposal's events in sequence order, each with who did it and what it said. */
public record ProposalHistory(String proposalId, List<Entry> entries) {

    public record Entry(long sequence, String type, Instant occurredAt, Who actor, String correlationId,
                        Map<String, Object> payload) {
    }

    public record Who(String user, String role, String unitId, String deputyId) {
    }
}
