package org.proposalledger.api.reference;

import org.axonframework.serialization.Revision;

/** A congress session's deadline rules were set (a new event rather than a reshaped session event). */
@Revision("1")
public record SessionDeadlineRulesSet(SessionId sessionId, DeadlineRuleSet rules) {
}
