package org.proposalledger.platform.security;

import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the ledger {@link Actor} from a verified token's claims. A token naming no ledger role
 * signs its holder in without any authority (every endpoint then answers 403). A token that names
 * a role of the ledger itself (IMPORT, SYSTEM), several roles, or a UNIT / DEPUTY role without
 * the unit or deputy is refused as invalid (401): it cannot be held to one actor.
 */
final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Roles only the ledger's own processes act under: a token can never grant them. */
    static final Set<Role> RESERVED = EnumSet.of(Role.IMPORT, Role.SYSTEM);

    private final JwtProperties properties;

    JwtActors(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString(properties.getUserClaim());
        if (user == null || user.isBlank()) {
            user = jwt.getSubject();
        }
        if (user == null || user.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user (claims '" + properties.getUserClaim()
                    + "' and 'sub' are missing).");
        }
        Set<Role> roles = roles(jwt.getClaims().get(properties.getRoleClaim()));
        roles.stream().filter(RESERVED::contains).findFirst().ifPresent(r -> {
            throw new InvalidBearerTokenException("Role " + r + " is reserved for the ledger itself; no token may grant it.");
        });
        if (roles.isEmpty()) {
            return new JwtAuthenticationToken(jwt, List.of(), user);
        }
        if (roles.size() > 1) {
            throw new InvalidBearerTokenException("The token names several ledger roles " + roles + "; it must name one.");
        }
        Role role = roles.iterator().next();
        String unit = role == Role.UNIT ? required(jwt, properties.getUnitClaim(), role) : null;
        String deputy = role == Role.DEPUTY ? required(jwt, properties.getDeputyClaim(), role) : null;
        return new ActorJwtAuthentication(jwt, new Actor(user, role, unit, deputy));
    }

    /** The ledger roles among the claim's values; names outside the ledger (an IdP's own roles) are skipped. */
    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            try {
                roles.add(Role.valueOf(value.toString().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notALedgerRole) {
                // e.g. "offline_access": not ours
            }
        }
        return roles;
    }

    private static String required(Jwt jwt, String claim, Role role) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw new InvalidBearerTokenException("A " + role + " token needs the claim '" + claim + "'.");
        }
        return value;
    }
}
