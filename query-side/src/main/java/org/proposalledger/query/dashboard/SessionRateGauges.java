package org.proposalledger.query.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.platform.ops.RefreshedMetrics;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every session's five rates as Prometheus gauges, {@code ledger_session_rate{session,rate}}
 * (0..1, as {@link Rates} defines them), plus {@code ledger_session_assigned{session}}, the base
 * of the reply rates. Read from the session counter documents by {@code _id} — the same numbers
 * the session dashboard shows — on each metrics refresh, never by scanning proposals. A rate
 * with an empty base has no sample (Prometheus shows nothing rather than a false 0%).
 */
@Component
public class SessionRateGauges implements RefreshedMetrics {

    private static final Logger log = LoggerFactory.getLogger(SessionRateGauges.class);

    private final MongoTemplate mongo;
    private final CounterStore counters;
    private final MultiGauge rates;
    private final MultiGauge assigned;

    public SessionRateGauges(MongoTemplate mongo, CounterStore counters, ObjectProvider<MeterRegistry> registry) {
        this.mongo = mongo;
        this.counters = counters;
        MeterRegistry meters = registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.rates = MultiGauge.builder("ledger.session.rate")
                .description("A session's rate (replyRate, onTimeReplyRate, consultationRate, satisfactionRate,"
                        + " satisfiedRate), 0..1")
                .register(meters);
        this.assigned = MultiGauge.builder("ledger.session.assigned")
                .description("Proposals assigned in the session: the base of the reply and consultation rates")
                .register(meters);
    }

    @Override
    public void refresh() {
        try {
            List<String> sessions = new ArrayList<>();
            mongo.getCollection(ReferenceDataProjection.SESSIONS).find().projection(Projections.include("_id"))
                    .forEach(d -> sessions.add(String.valueOf(d.get("_id"))));
            List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
            List<MultiGauge.Row<?>> assignedRows = new ArrayList<>();
            if (!sessions.isEmpty()) {
                List<String> scopes = sessions.stream().map(Contribution::sessionScope).toList();
                for (Document d : counters.counters().find(Filters.in("_id", scopes))) {
                    String session = sessions.get(scopes.indexOf(String.valueOf(d.get("_id"))));
                    ScopeCounts c = CounterStore.counts(d);
                    assignedRows.add(MultiGauge.Row.of(Tags.of("session", session), c.assigned()));
                    for (String rate : Rates.NAMES) {
                        Double value = Rates.fraction(c, rate).value();
                        if (value != null) {
                            rateRows.add(MultiGauge.Row.of(Tags.of("session", session, "rate", rate), value));
                        }
                    }
                }
            }
            rates.register(rateRows, true);
            assigned.register(assignedRows, true);
        } catch (RuntimeException e) {
            // an unreachable MongoDB shows in readiness; the gauges keep their last values
            log.debug("session rates not refreshed: {}", e.toString());
        }
    }
}
