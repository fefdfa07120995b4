package org.proposalledger.api.reference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a congress session's deadline rules; they apply to assignments made from then on. */
public record SetSessionDeadlineRules(SessionId sessionId, DeadlineRuleSet rules) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return sessionId == null ? null : RecordCongressSession.aggregateIdOf(sessionId);
    }
}
