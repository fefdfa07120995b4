package org.proposalledger.command.web;

/** The body of every accepted command: the id of what it acted on. */
public record IdResponse(String id) {
}
