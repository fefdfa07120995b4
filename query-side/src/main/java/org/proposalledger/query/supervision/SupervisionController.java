package org.proposalledger.query.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.calendar.HolidayCalendar;
import org.proposalledger.platform.security.CurrentActor;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Supervision views. Each answer reads one document by {@code _id}; working days left (or late)
 * are counted at query time against today and the holiday calendar, so they move with the clock
 * without rewriting documents.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
public class SupervisionController {

    private static final String ID = "[A-Za-z0-9._-]{1,64}";

    private final SupervisionStore store;
    private final HolidayCalendar calendar;
    private final Clock clock;

    public SupervisionController(SupervisionStore store, HolidayCalendar calendar, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** {@code workingDaysLeft}: positive = left, 0 = due today, negative = working days late. */
    public record TodoEntry(String proposalId, String sessionId, String number, String title, Supervision.Kind kind,
                            LocalDate dueOn, int workingDaysLeft, boolean overdue, boolean dueSoon) {
    }

    public record TodoList(String unitId, LocalDate today, List<TodoEntry> items) {
    }

    public record KeyProposal(String proposalId, String number, String title, String supervisingLeader,
                              String status, String leadUnitId, LocalDate dueOn, Integer workingDaysLeft,
                              Integer workingDaysLate, boolean overdue, Instant lastActivityAt) {
    }

    public record KeyProposals(String sessionId, LocalDate today, List<KeyProposal> items) {
    }

    public record LateItem(String proposalId, String number, String title, Supervision.Kind kind, LocalDate dueOn,
                           int workingDaysLate) {
    }

    public record UnitLate(String unitId, List<LateItem> items) {
    }

    public record OverdueByUnit(String sessionId, LocalDate today, int total, List<UnitLate> units) {
    }

    @GetMapping("/units/{id}/todo")
    public TodoList todo(@PathVariable @Pattern(regexp = ID, message = "must be 1-64 characters of A-Z a-z 0-9 . _ -")
                         String id) {
        Actor actor = CurrentActor.get();
        if (actor.is(Role.DEPUTY) || (actor.is(Role.UNIT) && !actor.actsForUnit(id))) {
            throw CommandRejectedException.forbidden("own-unit-only", "A unit sees only its own to-do list.");
        }
        LocalDate today = LocalDate.now(clock);
        Supervision.UnitTodo doc = store.unitTodo(id);
        List<TodoEntry> items = (doc == null ? List.<Supervision.TodoItem>of() : doc.items()).stream()
                // a return is open work only within its window
                .filter(i -> i.kind() != Supervision.Kind.ASSIGN_RETURN || !today.isAfter(i.dueOn()))
                .map(i -> new TodoEntry(i.proposalId(), i.sessionId(), i.number(), i.title(), i.kind(), i.dueOn(),
                        calendar.workingDaysUntil(today, i.dueOn()), i.overdue(), i.dueSoon()))
                .sorted(Comparator.comparing(TodoEntry::dueOn).thenComparing(TodoEntry::kind)
                        .thenComparing(TodoEntry::proposalId))
                .toList();
        return new TodoList(id, today, items);
    }

    @GetMapping("/supervision/key-proposals")
    public KeyProposals keyProposals(@RequestParam @NotBlank @Pattern(regexp = ID) String sessionId) {
        requireSupervisor();
        LocalDate today = LocalDate.now(clock);
        Supervision.SessionBoard board = store.board(sessionId);
        List<KeyProposal> items = (board == null ? List.<Supervision.KeyEntry>of() : board.keyProposals()).stream()
                .map(k -> {
                    boolean open = k.dueOn() != null && ("ASSIGNED".equals(k.status()) || "REHANDLING".equals(k.status()));
                    Integer n = open ? calendar.workingDaysUntil(today, k.dueOn()) : null;
                    return new KeyProposal(k.proposalId(), k.number(), k.title(), k.supervisingLeader(), k.status(),
                            k.leadUnitId(), k.dueOn(), n != null && n >= 0 ? n : null,
                            n != null && n < 0 ? -n : null, k.overdue(), k.lastActivityAt());
                })
                .sorted(Comparator.comparing(KeyProposal::number, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(KeyProposal::proposalId))
                .toList();
        return new KeyProposals(sessionId, today, items);
    }

    @GetMapping("/supervision/overdue")
    public OverdueByUnit overdue(@RequestParam @NotBlank @Pattern(regexp = ID) String sessionId) {
        requireSupervisor();
        LocalDate today = LocalDate.now(clock);
        Supervision.SessionBoard board = store.board(sessionId);
        Map<String, List<LateItem>> byUnit = new TreeMap<>();
        for (Supervision.OverdueItem o : board == null ? List.<Supervision.OverdueItem>of() : board.overdue()) {
            byUnit.computeIfAbsent(o.unitId(), u -> new java.util.ArrayList<>()).add(new LateItem(o.proposalId(),
                    o.number(), o.title(), o.kind(), o.dueOn(), -calendar.workingDaysUntil(today, o.dueOn())));
        }
        List<UnitLate> units = byUnit.entrySet().stream()
                .map(e -> new UnitLate(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(LateItem::dueOn).thenComparing(LateItem::proposalId)).toList()))
                .toList();
        return new OverdueByUnit(sessionId, today, units.stream().mapToInt(u -> u.items().size()).sum(), units);
    }

    private static void requireSupervisor() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw CommandRejectedException.forbidden("supervisors-only",
                    "Only the office, supervisors and readers see the supervision views.");
        }
    }
}
