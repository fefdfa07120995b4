package org.proposalledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the command side alone: platform wiring, aggregates and the command API, no projections. */
@SpringBootApplication
public class CommandSideTestApplication {
}
