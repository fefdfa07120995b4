package org.proposalledger.platform.security;

import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Collection;
import java.util.List;

/**
 * The embedded default ships demo users whose password is their name: they sign in when
 * {@code ledger.users} is empty, outside profile {@code prod}. A production process must not start
 * with any of them, nor with any other account whose password is its name.
 */
final class DemoAccounts {

    /** The demo accounts; the password (bcrypt) equals the user name. */
    static final List<LedgerProperties.User> USERS = List.of(
            demo("office", "{bcrypt}$2a$08$wk/D6JG0E/PlznJgtdCKMuG2ZthzJsYxC/pmM8SdPMnjPAcKWBr4O", Role.OFFICE, null, null),
            demo("supervisor", "{bcrypt}$2a$08$xbEMyKYhtEwGwKJ2k4eo9.ue78RsnSGxUDo0zfCpJNqfQ.oDNUJFy", Role.SUPERVISOR, null, null),
            demo("reader", "{bcrypt}$2a$08$liOSy7kCQuwJP7BCkNV.P.53tQx/A1U0NzwlrQpYhXKYtwG7L4gLm", Role.READER, null, null),
            demo("unit-commerce", "{bcrypt}$2a$08$gNrkLBy9EGKrSpPfBg9iv.ciYC86/PUqY6W3V.b2SvFuLYq/AYltO", Role.UNIT, "commerce", null),
            demo("unit-education", "{bcrypt}$2a$08$mgx0LAq/tLpLJotoxPh5.OTtuRHFN4rbh2IzB5V3rR3iIX6Qsbt/K", Role.UNIT, "education", null),
            demo("deputy-zhu", "{bcrypt}$2a$08$HAu9xYnqk676gPhWzP3FxOgUysXmz86/qOydzw5GdV4a9Z0A2GGR.", Role.DEPUTY, null, "zhu-heping"),
            demo("deputy-gao", "{bcrypt}$2a$08$8EqUtHHpQyhbqyW7FSUhyuLU5fwpRHHXv.mcqnbQqyd2Yoypo.asS", Role.DEPUTY, null, "gao-yonghong"));

    static final List<String> NAMES = USERS.stream().map(LedgerProperties.User::getUsername).toList();

    private DemoAccounts() {
    }

    private static LedgerProperties.User demo(String username, String password, Role role, String unitId,
                                              String deputyId) {
        LedgerProperties.User user = new LedgerProperties.User();
        user.setUsername(username);
        user.setPassword(password);
        user.setRole(role);
        user.setUnitId(unitId);
        user.setDeputyId(deputyId);
        return user;
    }

    static void refuse(Collection<LedgerUser> users, PasswordEncoder encoder) {
        for (LedgerUser user : users) {
            if (NAMES.contains(user.getUsername()) || encoder.matches(user.getUsername(), user.getPassword())) {
                throw new IllegalStateException("Profile 'prod' refuses to start with demo account '"
                        + user.getUsername() + "': configure real users in ledger.users");
            }
        }
    }
}
