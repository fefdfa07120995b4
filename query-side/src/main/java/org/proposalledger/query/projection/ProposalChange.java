package org.proposalledger.query.projection;

import org.proposalledger.api.query.ProposalView;

import java.time.Instant;

/**
 * One event's change of a proposal's view, as the proposals projection tells its listeners:
 * from {@code before} (null: the proposal is new) to {@code after}, at the event's {@code at},
 * delivered as {@code delivery} in processor segment {@code segment}.
 */
public record ProposalChange(ProposalView before, ProposalView after, Instant at, Delivery delivery, int segment) {
}
