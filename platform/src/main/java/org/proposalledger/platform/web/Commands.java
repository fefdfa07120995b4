package org.proposalledger.platform.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.error.RejectionDetails;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.security.CurrentActor;

/**
 * Sends a command as the signed-in user, with the request's correlation id, and waits for
 * the outcome. Rejections come back as {@link CommandRejectedException} whether the handler
 * ran in this JVM or behind Axon Server.
 */
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return sendAs(CurrentActor.get(), command);
    }

    public <R> R sendAs(Actor actor, Object command) {
        MetaData metaData = ActorMetaData.of(actor);
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (CommandExecutionException e) {
            throw e.getDetails().filter(RejectionDetails.class::isInstance)
                    .map(d -> (RuntimeException) ((RejectionDetails) d).toException())
                    .orElse(e);
        }
    }
}
