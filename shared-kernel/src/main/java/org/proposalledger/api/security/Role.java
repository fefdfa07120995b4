package org.proposalledger.api.security;

/** What a user may do is decided by role, and for UNIT and DEPUTY also by which unit or deputy they are. */
public enum Role {
    /** Congress office staff: register, reject, designate, assign, extend, close. */
    OFFICE,
    /** A handling unit's staff: consult, reply, return, follow up, co-unit opinions. */
    UNIT,
    /** A deputy: rates and withdraws their own proposals. */
    DEPUTY,
    /** Reads everything, changes nothing. */
    SUPERVISOR,
    /** Reads, changes nothing. */
    READER,
    /** The ledger itself, for steps nobody takes by hand (overdue, automatic re-handling). */
    SYSTEM,
    /**
     * Records what a published report states, for the office user who imports it: submits,
     * registers, assigns and replies, with the dates and classifications the report does not
     * state left "not stated". Never a configured user's role.
     */
    IMPORT
}
