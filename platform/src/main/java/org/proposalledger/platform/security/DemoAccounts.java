package org.proposalledger.platform.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Collection;
import java.util.List;

/**
 * The embedded default ships demo users whose password is their name. A production process
 * must not start with any of them, nor with any other account whose password is its name.
 */
final class DemoAccounts {

    static final List<String> NAMES = List.of(
            "office", "supervisor", "unit-commerce", "unit-education", "deputy-zhu", "deputy-gao", "reader");

    private DemoAccounts() {
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
