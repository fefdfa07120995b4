package org.proposalledger.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.proposalledger.api.query.dashboard.DailySeries;
import org.proposalledger.api.query.dashboard.GetDailySeries;
import org.proposalledger.api.query.dashboard.GetScopeTable;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.GetUnitTable;
import org.proposalledger.api.query.dashboard.Rates;
import org.proposalledger.api.query.dashboard.ScopeTable;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.api.query.dashboard.UnitTable;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.platform.web.Queries;
import org.proposalledger.query.core.Instants;
import org.proposalledger.api.Ids;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import reactor.core.publisher.Flux;

/**
 * Dashboards over HTTP, each answered through the query bus as the signed-in actor.
 * {@code asOf} is an ISO instant ({@code 2022-06-10T08:00:00Z}) or a date ({@code 2022-06-10},
 * meaning the end of that day in the ledger zone).
 */
@RestController
@RequestMapping("/api/v1/dashboards/sessions/{sessionId}")
public class DashboardController {

    private final Queries queries;
    private final ZoneId zone;
    private final int defaultMinSample;

    public DashboardController(Queries queries, LedgerProperties properties, DashboardSettings settings) {
        this.queries = queries;
        this.zone = properties.getZone();
        this.defaultMinSample = settings.getMinSample();
    }

    @GetMapping
    public SessionDashboard session(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                                    @RequestParam(required = false) String asOf) {
        return queries.ask(new GetSessionDashboard(sessionId, asOf(asOf)), SessionDashboard.class);
    }

    @GetMapping("/units")
    public UnitTable units(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                           @RequestParam(defaultValue = "replyRate") String sortBy,
                           @RequestParam(required = false) @Min(0) @Max(1_000_000) Integer minSample,
                           @RequestParam(required = false) String asOf) {
        if (!Rates.NAMES.contains(sortBy)) {
            throw new IllegalArgumentException("sortBy must be one of " + Rates.NAMES);
        }
        return queries.ask(new GetUnitTable(sessionId, sortBy, minSample == null ? defaultMinSample : minSample,
                asOf(asOf)), UnitTable.class);
    }

    @GetMapping("/categories")
    public ScopeTable categories(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                                 @RequestParam(required = false) String asOf) {
        return queries.ask(new GetScopeTable(sessionId, GetScopeTable.By.CATEGORY, asOf(asOf)), ScopeTable.class);
    }

    @GetMapping("/deputies")
    public ScopeTable deputies(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                               @RequestParam(required = false) String asOf) {
        return queries.ask(new GetScopeTable(sessionId, GetScopeTable.By.DEPUTY, asOf(asOf)), ScopeTable.class);
    }

    @GetMapping("/series")
    public DailySeries series(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                              @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String unitId,
                              @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return queries.ask(new GetDailySeries(sessionId, unitId, from, to), DailySeries.class);
    }

    /**
     * Server-Sent Events: the dashboard now (event {@code dashboard}), then a new one each time
     * the projections change its figures. Backed by a subscription query on the query bus.
     */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<SessionDashboard>> stream(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId) {
        SubscriptionQueryResult<SessionDashboard, SessionDashboard> result = queries.subscribe(
                new GetSessionDashboard(sessionId, null), SessionDashboard.class, SessionDashboard.class);
        return result.initialResult().concatWith(result.updates())
                .map(d -> ServerSentEvent.builder(d).event("dashboard").build())
                .doFinally(signal -> close(result));
    }

    /**
     * Ends the subscription on the query bus. When the bus ended it first (a rebuild ends every
     * dashboard stream with an error), Axon's close still tries to complete the finished sink and
     * throws; reactor would log that as a dropped error, at ERROR, once per stream.
     */
    private static void close(SubscriptionQueryResult<?, ?> result) {
        try {
            result.close();
        } catch (reactor.core.publisher.Sinks.EmissionException alreadyEnded) {
            // nothing left to close
        }
    }

    /** A date means the end of that day in the ledger zone. */
    private Instant asOf(String text) {
        return Instants.endOf("asOf", text, zone);
    }
}
