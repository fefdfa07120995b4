package org.proposalledger.platform.security;

import org.proposalledger.api.security.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor behind the current request. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LedgerUser user) {
            return user.actor();
        }
        if (auth instanceof ActorJwtAuthentication token) {
            return token.actor();
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated ledger user");
    }
}
