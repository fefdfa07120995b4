package org.proposalledger.platform.ops;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.proposalledger.api.security.Actor;
import org.slf4j.MDC;

/**
 * Puts the message's correlation id (metadata {@value Actor#CORRELATION_ID}, copied from the
 * command to every event it causes) into the logging MDC while a handler runs, so lines logged by
 * event processors and remote command handlers on their own threads carry the id of the request
 * that caused them, like lines on the HTTP thread (see {@code CorrelationIdFilter}). The previous
 * value is put back afterwards: a command handled on the HTTP thread leaves the request's id there.
 */
public class CorrelationIdLogging implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object id = unitOfWork.getMessage().getMetaData().get(Actor.CORRELATION_ID);
        if (id == null) {
            return chain.proceed();
        }
        String previous = MDC.get(Actor.CORRELATION_ID);
        MDC.put(Actor.CORRELATION_ID, id.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(Actor.CORRELATION_ID);
            } else {
                MDC.put(Actor.CORRELATION_ID, previous);
            }
        }
    }
}
