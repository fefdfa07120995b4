package org.proposalledger.api.proposal;

/** Where a suggestion's record comes from: handed in to the ledger, or imported from a published report. */
public enum Provenance {
    /** Handed in to the ledger by a deputy or the congress office; the ledger follows its handling. */
    SUBMITTED,
    /** Imported from a published report (role IMPORT): it records only what the report states. */
    IMPORTED
}
