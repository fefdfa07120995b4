package org.proposalledger.command.imports;

/** The report cannot be read; names the first offending line (1-based) and why. */
public class MalformedReportException extends RuntimeException {

    private final int line;
    private final String reason;

    public MalformedReportException(int line, String reason) {
        super("line " + line + ": " + reason, null, false, false);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
