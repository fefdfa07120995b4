package org.proposalledger.command.imports;

import org.proposalledger.api.security.Actor;

/** Sends one command as the given actor and waits; rejections come back as CommandRejectedException. */
@FunctionalInterface
public interface CommandSender {

    void send(Actor actor, Object command);
}
