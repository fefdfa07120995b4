package org.proposalledger.command.watch;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/**
 * The watcher's worklist: one row per open due date (a proposal's reply, each co-unit's
 * opinion), kept in the event-store database. Derived from events only; SQL common to H2 and
 * PostgreSQL.
 */
public class DeadlineTable {

    public static final String REPLY = "REPLY";
    public static final String CO_OPINION = "CO_OPINION";

    public record Row(String proposalId, String kind, String unitId, LocalDate dueOn) {
    }

    private final JdbcTemplate jdbc;

    public DeadlineTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void createIfMissing() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS ledger_deadline (
                  proposal_id VARCHAR(64) NOT NULL,
                  kind VARCHAR(16) NOT NULL,
                  unit_id VARCHAR(128) NOT NULL,
                  due_on DATE NOT NULL,
                  remind_on DATE,
                  reminder_days INT NOT NULL,
                  is_open BOOLEAN NOT NULL,
                  reminded BOOLEAN NOT NULL,
                  overdue BOOLEAN NOT NULL,
                  PRIMARY KEY (proposal_id, kind, unit_id))""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ledger_deadline_due ON ledger_deadline (is_open, overdue, due_on)");
    }

    void deleteProposal(String proposalId) {
        jdbc.update("DELETE FROM ledger_deadline WHERE proposal_id = ?", proposalId);
    }

    void insert(String proposalId, String kind, String unitId, LocalDate dueOn, LocalDate remindOn, int reminderDays) {
        jdbc.update("DELETE FROM ledger_deadline WHERE proposal_id = ? AND kind = ? AND unit_id = ?",
                proposalId, kind, unitId);
        jdbc.update("INSERT INTO ledger_deadline (proposal_id, kind, unit_id, due_on, remind_on, reminder_days,"
                        + " is_open, reminded, overdue) VALUES (?, ?, ?, ?, ?, ?, TRUE, FALSE, FALSE)",
                proposalId, kind, unitId, dueOn, remindOn, reminderDays);
    }

    Integer reminderDays(String proposalId) {
        List<Integer> days = jdbc.queryForList("SELECT reminder_days FROM ledger_deadline WHERE proposal_id = ? AND kind = ?",
                Integer.class, proposalId, REPLY);
        return days.isEmpty() ? null : days.get(0);
    }

    /** A new reply due date: open again, neither reminded nor overdue. */
    void moveReplyDue(String proposalId, LocalDate dueOn, LocalDate remindOn) {
        jdbc.update("UPDATE ledger_deadline SET due_on = ?, remind_on = ?, is_open = TRUE, reminded = FALSE,"
                + " overdue = FALSE WHERE proposal_id = ? AND kind = ?", dueOn, remindOn, proposalId, REPLY);
    }

    void closeAll(String proposalId) {
        jdbc.update("UPDATE ledger_deadline SET is_open = FALSE WHERE proposal_id = ?", proposalId);
    }

    void close(String proposalId, String kind, String unitId) {
        jdbc.update("UPDATE ledger_deadline SET is_open = FALSE WHERE proposal_id = ? AND kind = ? AND unit_id = ?",
                proposalId, kind, unitId);
    }

    void markOverdue(String proposalId, String kind, String unitId) {
        jdbc.update("UPDATE ledger_deadline SET overdue = TRUE WHERE proposal_id = ? AND kind = ? AND unit_id = ?",
                proposalId, kind, unitId);
    }

    void markReminded(String proposalId) {
        jdbc.update("UPDATE ledger_deadline SET reminded = TRUE WHERE proposal_id = ? AND kind = ?", proposalId, REPLY);
    }

    /** Open due dates before {@code today} not yet recorded as overdue. */
    List<Row> passed(LocalDate today) {
        return jdbc.query("SELECT proposal_id, kind, unit_id, due_on FROM ledger_deadline"
                        + " WHERE is_open = TRUE AND overdue = FALSE AND due_on < ? ORDER BY due_on",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                today);
    }

    /** Open reply due dates whose reminder day has come and that are not yet late. */
    List<Row> toRemind(LocalDate today) {
        return jdbc.query("SELECT proposal_id, kind, unit_id, due_on FROM ledger_deadline"
                        + " WHERE kind = ? AND is_open = TRUE AND reminded = FALSE AND overdue = FALSE"
                        + " AND reminder_days > 0 AND remind_on <= ? AND due_on >= ? ORDER BY due_on",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                REPLY, today, today);
    }
}
