package org.proposalledger.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservedRolesTest {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM", "IMPORT"})
    void a_configured_user_cannot_hold_a_role_of_the_ledger_itself(Role role) {
        LedgerProperties.User user = new LedgerProperties.User();
        user.setUsername("mallory");
        user.setPassword("{noop}a-long-secret");
        user.setRole(role);
        LedgerProperties properties = new LedgerProperties();
        properties.setUsers(List.of(user));

        assertThatThrownBy(() -> new SecurityConfig().ledgerUsers(properties,
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mallory").hasMessageContaining(role.name());
    }
}
