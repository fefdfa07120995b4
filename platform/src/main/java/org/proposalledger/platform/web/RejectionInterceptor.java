package org.proposalledger.platform.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.proposalledger.api.error.CommandRejectedException;

/**
 * Wraps a rule rejection with its details, because only {@link CommandExecutionException}
 * details survive the trip back through Axon Server to the sender.
 */
public class RejectionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (CommandRejectedException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.details());
        }
    }
}
