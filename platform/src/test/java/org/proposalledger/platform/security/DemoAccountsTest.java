package org.proposalledger.platform.security;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.security.Actor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoAccountsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void refuses_a_demo_account_name() {
        LedgerUser office = new LedgerUser(Actor.office("office"), encoder.encode("a-long-secret"));
        assertThatThrownBy(() -> DemoAccounts.refuse(List.of(office), encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("office");
    }

    @Test
    void refuses_any_account_whose_password_is_its_name() {
        LedgerUser user = new LedgerUser(Actor.office("li.ming"), encoder.encode("li.ming"));
        assertThatThrownBy(() -> DemoAccounts.refuse(List.of(user), encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("li.ming");
    }

    @Test
    void accepts_real_accounts() {
        LedgerUser user = new LedgerUser(Actor.office("li.ming"), encoder.encode("correct horse battery"));
        assertThatCode(() -> DemoAccounts.refuse(List.of(user), encoder)).doesNotThrowAnyException();
    }
}
