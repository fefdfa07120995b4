package org.proposalledger.platform;

import org.proposalledger.api.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ledger.*} settings every process reads (data folder, zone, users, request size) and
 * the calendar and deadline areas. Other areas have their own types beside the code that reads
 * them: {@code ledger.outage.*}, {@code ledger.idempotency.*}, {@code ledger.security.jwt.*},
 * {@code ledger.metrics.*} (platform), {@code ledger.import.*} (command side),
 * {@code ledger.rebuild.*} (standalone), {@code ledger.query.*} … (query side).
 */
@ConfigurationProperties("ledger")
public class LedgerProperties {

    /** Folder for the embedded event store and read-model files. */
    private Path dataDir = Path.of("./data");

    /** Zone in which due dates and "today" are reckoned. */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");

    /**
     * Users allowed to sign in (HTTP Basic). Empty: the demo accounts outside profile {@code prod}
     * (see DemoAccounts); profile {@code prod} refuses any.
     */
    private List<User> users = new ArrayList<>();

    /** The largest request body taken; a larger one is answered 413 before it is read. */
    private DataSize maxRequestSize = DataSize.ofMegabytes(1);

    private final Calendar calendar = new Calendar();

    private final Deadlines deadlines = new Deadlines();

    public Calendar getCalendar() {
        return calendar;
    }

    public Deadlines getDeadlines() {
        return deadlines;
    }

    /** {@code ledger.calendar.*}: where replacement year files live and how often they are looked at. */
    public static class Calendar {
        /** Folder of {@code YYYY.json} files replacing the shipped ones; default {@code <data-dir>/calendar}. */
        private Path dir;
        /** How often that folder is checked for changed files. */
        private Duration reloadInterval = Duration.ofMinutes(1);

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public Duration getReloadInterval() {
            return reloadInterval;
        }

        public void setReloadInterval(Duration reloadInterval) {
            this.reloadInterval = reloadInterval;
        }
    }

    /** {@code ledger.deadlines.*}: the overdue / reminder watcher. */
    public static class Deadlines {
        /** Run the deadline watcher in this process. */
        private boolean watcherEnabled = true;
        /** How often passed due dates are looked for; an overdue event lands within this interval. */
        private Duration pollInterval = Duration.ofSeconds(30);

        public boolean isWatcherEnabled() {
            return watcherEnabled;
        }

        public void setWatcherEnabled(boolean watcherEnabled) {
            this.watcherEnabled = watcherEnabled;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
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
