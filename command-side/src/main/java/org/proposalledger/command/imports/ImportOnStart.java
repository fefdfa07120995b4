package org.proposalledger.command.imports;

import org.proposalledger.api.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --ledger.import.file=FILE [--ledger.import.session-id=ID] [--ledger.import.exit=false]}
 * ({@link ImportProperties}): imports the report once the application has started, then exits
 * (status 0 on success, 2 for a malformed or unreadable report) unless {@code ledger.import.exit=false}
 * keeps it running.
 */
public class ImportOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportOnStart.class);
    /** The command line acts as the ledger itself for reference data; proposal steps as IMPORT. */
    static final Actor COMMAND_LINE = Actor.SYSTEM;

    private final ReportImporter importer;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final String sessionId;
    private final boolean exit;

    public ImportOnStart(ReportImporter importer, ConfigurableApplicationContext context, Path file, String sessionId,
                         boolean exit) {
        this.importer = importer;
        this.context = context;
        this.file = file;
        this.sessionId = sessionId;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status;
        try {
            ImportResult result = importer.importReport(Files.readAllBytes(file), sessionId, COMMAND_LINE);
            log.info("imported {}: {}", file, result);
            status = 0;
        } catch (MalformedReportException e) {
            log.error("{} not imported, nothing stored: line {}: {}", file, e.line(), e.reason());
            if (!exit) {
                throw e;
            }
            status = 2;
        } catch (IOException e) {
            log.error("{} cannot be read: {}", file, e.toString());
            if (!exit) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            status = 2;
        }
        if (exit) {
            int code = status;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
