package org.proposalledger.platform.security;

import org.proposalledger.api.security.Actor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/** A bearer token whose claims name one ledger actor; carries the {@link Actor} commands and queries record. */
public final class ActorJwtAuthentication extends JwtAuthenticationToken {

    private final transient Actor actor;

    ActorJwtAuthentication(Jwt jwt, Actor actor) {
        super(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())), actor.user());
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }
}
