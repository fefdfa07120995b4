package org.proposalledger.query.supervision;

import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.projection.DocumentBuffer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Moves one proposal's entries in the supervision documents from what its previous view said to
 * what its new view says. Called by {@link SupervisionProjection} with both views, inside the same
 * batch, so the supervision documents follow the same (idempotent) fold and are written once per
 * batch.
 * <p>
 * Each list is kept sorted, in the order the HTTP views show it ({@link SupervisionController}):
 * a proposal's entries are replaced wherever they are, so without a sort the order would depend
 * on the order the events were handled in — which differs between a live processor (an event
 * committed late arrives after later ones; a re-delivered batch re-applies its proposals) and a
 * rebuild.
 */
@Component
public class SupervisionUpdater {

    /** A unit's to-do: by due date, kind, proposal. */
    static final Comparator<Supervision.TodoItem> TODO_ORDER = Comparator
            .comparing(Supervision.TodoItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Supervision.TodoItem::kind)
            .thenComparing(Supervision.TodoItem::proposalId);
    /** Key proposals: by number, proposal. */
    static final Comparator<Supervision.KeyEntry> KEY_ORDER = Comparator
            .comparing(Supervision.KeyEntry::number, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Supervision.KeyEntry::proposalId);
    /** Overdue work: by unit, due date, proposal, kind. */
    static final Comparator<Supervision.OverdueItem> OVERDUE_ORDER = Comparator
            .comparing(Supervision.OverdueItem::unitId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Supervision.OverdueItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Supervision.OverdueItem::proposalId)
            .thenComparing(Supervision.OverdueItem::kind);

    private final SupervisionStore store;

    public SupervisionUpdater(SupervisionStore store) {
        this.store = store;
    }

    public void update(ProposalView before, ProposalView after) {
        String id = after.id();
        Map<String, List<Supervision.TodoItem>> oldTodo = Supervision.todo(before);
        Map<String, List<Supervision.TodoItem>> newTodo = Supervision.todo(after);
        Set<String> units = new LinkedHashSet<>(oldTodo.keySet());
        units.addAll(newTodo.keySet());
        DocumentBuffer<Supervision.UnitTodo> unitDocs = store.unitBuffer();
        for (String unit : units) {
            List<Supervision.TodoItem> mine = newTodo.getOrDefault(unit, List.of());
            if (mine.equals(oldTodo.getOrDefault(unit, List.of()))) {
                continue;
            }
            Supervision.UnitTodo doc = unitDocs.get(unit);
            List<Supervision.TodoItem> items = new ArrayList<>(doc == null ? List.of() : doc.items());
            items.removeIf(i -> i.proposalId().equals(id));
            items.addAll(mine);
            items.sort(TODO_ORDER);
            unitDocs.put(unit, new Supervision.UnitTodo(unit, items));
        }

        Supervision.KeyEntry oldKey = Supervision.key(before);
        Supervision.KeyEntry newKey = Supervision.key(after);
        List<Supervision.OverdueItem> oldLate = Supervision.overdue(before);
        List<Supervision.OverdueItem> newLate = Supervision.overdue(after);
        String session = after.sessionId();
        if (session == null || (Objects.equals(oldKey, newKey) && oldLate.equals(newLate))) {
            return;
        }
        DocumentBuffer<Supervision.SessionBoard> boards = store.boardBuffer();
        Supervision.SessionBoard board = boards.get(session);
        List<Supervision.KeyEntry> keys = new ArrayList<>(board == null ? List.of() : board.keyProposals());
        List<Supervision.OverdueItem> late = new ArrayList<>(board == null ? List.of() : board.overdue());
        keys.removeIf(k -> k.proposalId().equals(id));
        late.removeIf(o -> o.proposalId().equals(id));
        if (newKey != null) {
            keys.add(newKey);
        }
        late.addAll(newLate);
        keys.sort(KEY_ORDER);
        late.sort(OVERDUE_ORDER);
        boards.put(session, new Supervision.SessionBoard(session, keys, late));
    }
}
