package org.proposalledger.command.deadline;

import org.proposalledger.api.reference.SessionId;

/** The port through which the Proposal aggregate finds its session's deadline rules. */
public interface DeadlineRuleBook {

    DeadlineRules rulesFor(SessionId sessionId);

    /** The same rules for every session (tests, tools). */
    static DeadlineRuleBook fixed(DeadlineRules rules) {
        return sessionId -> rules;
    }
}
