package org.proposalledger.platform;

import org.proposalledger.api.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The {@code ledger.*} settings both sides read. */
@ConfigurationProperties("ledger")
public class LedgerProperties {

    /** Folder for the embedded event store and read-model files. */
    private Path dataDir = Path.of("./data");

    /** Zone in which due dates and "today" are reckoned. */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");

    /** Users allowed to sign in (HTTP Basic). */
    private List<User> users = new ArrayList<>();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /** A configured user; {@code password} is an encoded hash such as {@code {bcrypt}$2a$...}. */
    public static class User {
        private String username;
        private String password;
        private Role role;
        private String unitId;
        private String deputyId;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getUnitId() {
            return unitId;
        }

        public void setUnitId(String unitId) {
            this.unitId = unitId;
        }

        public String getDeputyId() {
            return deputyId;
        }

        public void setDeputyId(String deputyId) {
            this.deputyId = deputyId;
        }
    }
}
