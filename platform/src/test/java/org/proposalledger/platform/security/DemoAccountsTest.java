package org.proposalledger.platform.security;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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

    private UserDetailsService users(LedgerProperties properties, String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        return new SecurityConfig().ledgerUsers(properties, encoder, env);
    }

    @Test
    void without_configured_users_the_demo_accounts_sign_in_with_their_names() {
        UserDetailsService users = users(new LedgerProperties());
        assertThat(DemoAccounts.NAMES).hasSize(7);
        for (String name : DemoAccounts.NAMES) {
            assertThat(encoder.matches(name, users.loadUserByUsername(name).getPassword())).as(name).isTrue();
        }
        assertThat(((LedgerUser) users.loadUserByUsername("unit-commerce")).actor())
                .isEqualTo(Actor.unit("unit-commerce", "commerce"));
        assertThat(((LedgerUser) users.loadUserByUsername("deputy-zhu")).actor())
                .isEqualTo(Actor.deputy("deputy-zhu", "zhu-heping"));
    }

    @Test
    void configured_users_replace_the_demo_accounts() {
        LedgerProperties.User li = new LedgerProperties.User();
        li.setUsername("li.ming");
        li.setPassword(encoder.encode("correct horse battery"));
        li.setRole(Role.OFFICE);
        LedgerProperties properties = new LedgerProperties();
        properties.setUsers(List.of(li));
        UserDetailsService users = users(properties);
        assertThat(users.loadUserByUsername("li.ming").getUsername()).isEqualTo("li.ming");
        assertThatThrownBy(() -> users.loadUserByUsername("office")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void profile_prod_has_no_demo_accounts() {
        UserDetailsService users = users(new LedgerProperties(), "prod");
        assertThatThrownBy(() -> users.loadUserByUsername("office")).isInstanceOf(UsernameNotFoundException.class);
    }
}
