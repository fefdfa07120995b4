package org.proposalledger.query.supervision;

import org.proposalledger.api.query.ProposalView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a proposal contributes to the supervision read models, read off its {@link ProposalView}
 * (the state itself is derived once, by ProposalFold). Pure: the projection diffs the answer for
 * the view before and after an event.
 */
public final class Supervision {

    private Supervision() {
    }

    /** Open work kinds, in the order a unit meets them. */
    public enum Kind { ASSIGN_RETURN, CO_OPINION, CONSULT, REPLY, REHANDLE }

    /** One piece of a unit's open work on one proposal. */
    public record TodoItem(String proposalId, String sessionId, String number, String title, Kind kind,
                           LocalDate dueOn, boolean overdue, boolean dueSoon) {
    }

    public record UnitTodo(String unitId, List<TodoItem> items) {
    }

    /** A key suggestion as the supervising leader sees it. */
    public record KeyEntry(String proposalId, String number, String title, String supervisingLeader, String status,
                           String leadUnitId, LocalDate dueOn, boolean overdue, Instant lastActivityAt) {
    }

    /** A due date that has passed with the work still outstanding. */
    public record OverdueItem(String proposalId, String number, String title, String unitId, Kind kind,
                              LocalDate dueOn) {
    }

    public record SessionBoard(String sessionId, List<KeyEntry> keyProposals, List<OverdueItem> overdue) {
    }

    /** Open work per unit; empty for proposals no unit is working on. */
    public static Map<String, List<TodoItem>> todo(ProposalView v) {
        Map<String, List<TodoItem>> byUnit = new LinkedHashMap<>();
        if (v == null || v.status() == null || v.leadUnitId() == null) {
            return byUnit;
        }
        String lead = v.leadUnitId();
        boolean dueSoon = v.dueOn() != null && v.dueOn().equals(v.remindedFor());
        switch (v.status()) {
            case "ASSIGNED" -> {
                if (v.returnWindowEndsOn() != null) {
                    add(byUnit, lead, item(v, Kind.ASSIGN_RETURN, v.returnWindowEndsOn(), false, false));
                }
                if (v.consultations() == null || v.consultations().isEmpty()) {
                    add(byUnit, lead, item(v, Kind.CONSULT, v.dueOn(), v.overdue(), dueSoon));
                }
                add(byUnit, lead, item(v, Kind.REPLY, v.dueOn(), v.overdue(), dueSoon));
                for (String co : owedOpinions(v)) {
                    add(byUnit, co, item(v, Kind.CO_OPINION, v.coOpinionDueOn(),
                            v.coUnitsOverdue() != null && v.coUnitsOverdue().contains(co), false));
                }
            }
            case "REHANDLING" -> add(byUnit, lead, item(v, Kind.REHANDLE, v.dueOn(), v.overdue(), dueSoon));
            default -> {
                // registered, replied, closed ...: nothing for a unit to do
            }
        }
        return byUnit;
    }

    /** The key-suggestion entry, or null. Closed, rejected and withdrawn ones stay listed with their status. */
    public static KeyEntry key(ProposalView v) {
        if (v == null || !v.key()) {
            return null;
        }
        return new KeyEntry(v.id(), v.number(), v.title(), v.supervisingLeader(), v.status(), v.leadUnitId(),
                v.dueOn(), v.overdue(), v.updatedAt());
    }

    /** Everything late on this proposal right now, by the unit it is late with. */
    public static List<OverdueItem> overdue(ProposalView v) {
        List<OverdueItem> late = new ArrayList<>();
        if (v == null || v.status() == null) {
            return late;
        }
        if (v.overdue() && ("ASSIGNED".equals(v.status()) || "REHANDLING".equals(v.status()))) {
            late.add(new OverdueItem(v.id(), v.number(), v.title(), v.leadUnitId(),
                    "REHANDLING".equals(v.status()) ? Kind.REHANDLE : Kind.REPLY, v.dueOn()));
        }
        if ("ASSIGNED".equals(v.status()) && v.coUnitsOverdue() != null) {
            for (String co : owedOpinions(v)) {
                if (v.coUnitsOverdue().contains(co)) {
                    late.add(new OverdueItem(v.id(), v.number(), v.title(), co, Kind.CO_OPINION, v.coOpinionDueOn()));
                }
            }
        }
        return late;
    }

    private static List<String> owedOpinions(ProposalView v) {
        if (v.coUnitIds() == null || v.coOpinionDueOn() == null) {
            return List.of();
        }
        List<String> given = v.coOpinions() == null ? List.of()
                : v.coOpinions().stream().map(ProposalView.CoOpinion::unitId).toList();
        return v.coUnitIds().stream().filter(u -> !given.contains(u)).toList();
    }

    private static TodoItem item(ProposalView v, Kind kind, LocalDate due, boolean overdue, boolean dueSoon) {
        return new TodoItem(v.id(), v.sessionId(), v.number(), v.title(), kind, due, overdue, dueSoon);
    }

    private static void add(Map<String, List<TodoItem>> byUnit, String unit, TodoItem item) {
        byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(item);
    }
}
