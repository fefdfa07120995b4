package org.proposalledger.command.imports;

/**
 * What an import did. {@code proposalsUnchanged} counts suggestions already in the ledger
 * from an earlier import of the same report; {@code stated} are the preface's own figures.
 */
public record ImportResult(
        String sessionId,
        String sessionName,
        boolean sessionCreated,
        int suggestions,
        int proposalsCreated,
        int proposalsUnchanged,
        int unitsCreated,
        int unitsMatched,
        int deputiesCreated,
        int deputiesMatched,
        PublishedReport.StatedFigures stated) {

    public boolean changedAnything() {
        return sessionCreated || proposalsCreated > 0 || unitsCreated > 0 || deputiesCreated > 0;
    }
}
