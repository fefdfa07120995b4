package org.proposalledger.command.security;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.error.Rejection;
import org.proposalledger.api.security.Actor;

import java.lang.reflect.Method;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorParameterResolverFactoryTest {

    @SuppressWarnings("unused")
    void handler(String payload, Actor actor, MetaData metaData) {
    }

    private final Method handler = method();

    @Test
    void is_found_on_the_classpath_like_axon_finds_it() {
        ParameterResolverFactory classpath = ClasspathParameterResolverFactory.forClass(getClass());

        ParameterResolver<?> resolver = classpath.createInstance(handler, handler.getParameters(), 1);

        assertThat(resolver).isNotNull();
        assertThat(resolver.resolveParameterValue(new GenericMessage<>("x", Actor.office("o").toMetaData())))
                .isEqualTo(Actor.office("o"));
    }

    @Test
    void resolves_the_actor_from_metadata() {
        ParameterResolver<?> resolver = new ActorParameterResolverFactory()
                .createInstance(handler, handler.getParameters(), 1);
        Actor unit = Actor.unit("unit-commerce", "commerce");

        assertThat(resolver.resolveParameterValue(new GenericMessage<>("x", unit.toMetaData()))).isEqualTo(unit);
    }

    @Test
    void leaves_other_parameters_alone() {
        ActorParameterResolverFactory factory = new ActorParameterResolverFactory();

        assertThat(factory.createInstance(handler, handler.getParameters(), 0)).isNull();
        assertThat(factory.createInstance(handler, handler.getParameters(), 2)).isNull();
    }

    @Test
    void a_message_without_a_usable_actor_matches_but_is_refused() {
        ParameterResolver<?> resolver = new ActorParameterResolverFactory()
                .createInstance(handler, handler.getParameters(), 1);
        GenericMessage<String> anonymous = new GenericMessage<>("x", Map.of(Actor.USER, "ghost", Actor.ROLE, "KING"));

        assertThat(resolver.matches(anonymous)).isTrue();
        assertThatThrownBy(() -> resolver.resolveParameterValue(anonymous))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Rejection.FORBIDDEN);
                    assertThat(e.rule()).isEqualTo("unauthenticated");
                });
    }

    private static Method method() {
        try {
            return ActorParameterResolverFactoryTest.class.getDeclaredMethod("handler", String.class, Actor.class,
                    MetaData.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
