package org.proposalledger.command.security;

import org.axonframework.common.Priority;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets handlers declare an {@link Actor} parameter, read from the message's metadata.
 * Registered through {@code META-INF/services}, so Spring and the test fixtures both see it.
 * A message without an actor still reaches the handler's resolution step and is refused there,
 * instead of silently not matching (which Axon would report as "no handler").
 */
@Priority(Priority.HIGH)
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        return Actor.class.equals(parameters[parameterIndex].getType()) ? ActorResolver.INSTANCE : null;
    }

    private enum ActorResolver implements ParameterResolver<Actor> {
        INSTANCE;

        @Override
        public Actor resolveParameterValue(Message<?> message) {
            return Actor.fromMetaData(message.getMetaData()).orElseThrow(() -> CommandRejectedException.forbidden(
                    "unauthenticated", "The command names no signed-in user, so nobody may be held to it."));
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
