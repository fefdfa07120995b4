package org.proposalledger.command.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** {@code ledger.import.*}: importing a published report when the application starts ({@link ImportOnStart}). */
@ConfigurationProperties("ledger.import")
public class ImportProperties {

    /** The report file to import once the application has started; unset, nothing is imported. */
    private Path file;

    /** The session to file the suggestions under; unset, the session of the report's title (or a new one). */
    private String sessionId;

    /** Exit once imported (status 0, or 2 for a malformed or unreadable report); false keeps serving. */
    private boolean exit = true;

    public Path getFile() {
        return file;
    }

    public void setFile(Path file) {
        this.file = file;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public boolean isExit() {
        return exit;
    }

    public void setExit(boolean exit) {
        this.exit = exit;
    }
}
