package org.proposalledger.query.supervision;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.security.Role;
import org.proposalledger.platform.calendar.HolidayCalendar;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the supervision queries on the query bus. Each answer reads one document by {@code _id};
 * working days left (or late) are counted at query time against today and the holiday calendar,
 * so they move with the clock without rewriting documents.
 */
@Component
public class SupervisionQueries {

    /** A unit's open work: a unit sees only its own list, a deputy none. */
    public record GetUnitTodo(String unitId) {
    }

    /** A session's key proposals, for the office, supervisors and readers. */
    public record GetKeyProposals(String sessionId) {
    }

    /** A session's late work by unit, for the office, supervisors and readers. */
    public record GetOverdueByUnit(String sessionId) {
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

    private final SupervisionStore store;
    private final HolidayCalendar calendar;
    private final Clock clock;

    public SupervisionQueries(SupervisionStore store, HolidayCalendar calendar, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    @QueryHandler
    public TodoList todo(GetUnitTodo query, MetaData metaData) {
        String id = query.unitId();
        if (!Viewer.fromMetaData(metaData).seesUnit(id)) {
            throw new ReadRefusedException("own-unit-only", "A unit sees only its own to-do list.");
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

    @QueryHandler
    public KeyProposals keyProposals(GetKeyProposals query, MetaData metaData) {
        requireSupervisor(metaData);
        LocalDate today = LocalDate.now(clock);
        Supervision.SessionBoard board = store.board(query.sessionId());
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
        return new KeyProposals(query.sessionId(), today, items);
    }

    @QueryHandler
    public OverdueByUnit overdue(GetOverdueByUnit query, MetaData metaData) {
        requireSupervisor(metaData);
        LocalDate today = LocalDate.now(clock);
        Supervision.SessionBoard board = store.board(query.sessionId());
        Map<String, List<LateItem>> byUnit = new TreeMap<>();
        for (Supervision.OverdueItem o : board == null ? List.<Supervision.OverdueItem>of() : board.overdue()) {
            byUnit.computeIfAbsent(o.unitId(), u -> new ArrayList<>()).add(new LateItem(o.proposalId(),
                    o.number(), o.title(), o.kind(), o.dueOn(), -calendar.workingDaysUntil(today, o.dueOn())));
        }
        List<UnitLate> units = byUnit.entrySet().stream()
                .map(e -> new UnitLate(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(LateItem::dueOn).thenComparing(LateItem::proposalId)).toList()))
                .toList();
        return new OverdueByUnit(query.sessionId(), today, units.stream().mapToInt(u -> u.items().size()).sum(), units);
    }

    private static void requireSupervisor(MetaData metaData) {
        if (!Viewer.fromMetaData(metaData).actsAsAnyOf(Role.OFFICE, Role.SUPERVISOR, Role.READER)) {
            throw new ReadRefusedException("supervisors-only",
                    "Only the office, supervisors and readers see the supervision views.");
        }
    }
}
