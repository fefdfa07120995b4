package org.proposalledger.api.error;

/** What a rejection says when it crosses process boundaries (Axon Server's exception details). */
public record RejectionDetails(Rejection kind, String rule, String message) {

    public CommandRejectedException toException() {
        return new CommandRejectedException(kind, rule, message);
    }
}
