package org.proposalledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the query side alone for tests: platform wiring, embedded stores, no command side. */
@SpringBootApplication
public class QueryTestApplication {
}
