package org.proposalledger.query.dashboard;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.ScopeFigures;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Live dashboards: after a batch has written counter documents, each subscription to
 * {@link GetSessionDashboard} (without {@code asOf}) whose figures changed gets the new
 * dashboard — the session's for viewers who see everything, the unit's for a UNIT viewer of
 * that unit, the deputy's for that DEPUTY. Nothing is read when nobody subscribes.
 * <p>
 * Segments write the same counters concurrently, so a dashboard read and sent by one batch
 * could overtake a fresher one sent by another. Changed scopes are therefore only marked, and
 * one thread reads and sends them: every change is followed by a read made after it, so the
 * last update a subscriber gets is the state as it now stands.
 */
@Component
public class DashboardUpdates {

    private final QueryUpdateEmitter emitter;
    private final CounterStore store;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-updates");
        t.setDaemon(true);
        return t;
    });

    public DashboardUpdates(QueryUpdateEmitter emitter, CounterStore store) {
        this.emitter = emitter;
        this.store = store;
    }

    public void changed(Set<String> scopes) {
        boolean anyone = emitter.activeSubscriptions().stream()
                .anyMatch(m -> m.getPayload() instanceof GetSessionDashboard q && q.asOf() == null);
        if (!anyone) {
            return;
        }
        pending.addAll(scopes);
        sender.execute(this::sendPending);
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    private void sendPending() {
        for (String scope : List.copyOf(pending)) {
            pending.remove(scope);
            send(scope);
        }
    }

    private void send(String scope) {
        String[] p = scope.split("\\|");
        String session = p[1];
        switch (p[0]) {
            case "s" -> emit(session, v -> v.seesAll(), new SessionDashboard(session, "session", null,
                    ScopeFigures.of(null, CounterStore.counts(store.find(scope)))));
            case "u" -> emit(session, v -> p[2].equals(v.limitedToUnit()), new SessionDashboard(session, "unit",
                    null, ScopeFigures.of(p[2], CounterStore.counts(store.find(scope)))));
            case "d" -> emit(session, v -> p[2].equals(v.limitedToDeputy()), new SessionDashboard(session,
                    "deputy", null, ScopeFigures.of(p[2], CounterStore.counts(store.find(scope)))));
            default -> {
                // categories have no live dashboard
            }
        }
    }

    private void emit(String session, Predicate<Viewer> who, SessionDashboard update) {
        Predicate<SubscriptionQueryMessage<?, ?, SessionDashboard>> filter = m ->
                m.getPayload() instanceof GetSessionDashboard q && q.asOf() == null && q.sessionId().equals(session)
                        && who.test(Viewer.fromMetaData(m.getMetaData()));
        emitter.emit(filter, update);
    }
}
