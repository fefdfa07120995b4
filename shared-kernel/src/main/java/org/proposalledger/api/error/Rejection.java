package org.proposalledger.api.error;

/** Why a command was refused; each kind maps to one HTTP status. */
public enum Rejection {
    /** The input breaks a shape rule (400). */
    INVALID,
    /** The actor may not take this step on this proposal (403). */
    FORBIDDEN,
    /** Something the command names does not exist (404 for the target, 409 for a reference). */
    NOT_FOUND,
    /** The step breaks a lifecycle rule in the current state (409). */
    CONFLICT
}
