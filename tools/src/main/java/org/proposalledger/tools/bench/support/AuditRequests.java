package org.proposalledger.tools.bench.support;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.web.ActorMetaData;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The audit benchmark's requests, timed on a store of {@link BenchmarkProposals}: a point-in-time
 * state ({@code sequence=3}) and a filtered history of random proposals over the query bus as an
 * office user — both read from the event store — beside their raw floor, a plain JDBC read of the
 * proposal's rows. The audit benchmark runs them alone; the dashboard benchmark runs them too, so
 * one store of a million proposals serves both.
 */
public final class AuditRequests {

    private static final int REQUESTS = 10_000;
    private static final int WARM_UP = 5000;
    private static final Duration WARM_UP_AT_LEAST = Duration.ofSeconds(15);

    private AuditRequests() {
    }

    /**
     * Times {@value #REQUESTS} point-in-time states and histories of random proposals of
     * {@code sessions} (each with its count of {@link BenchmarkProposals}) beside their floor,
     * each after at least {@value #WARM_UP} warm-up calls and 15 s of them, once the stores have
     * settled ({@link Quiet}); adds the rows to {@code table} and returns p50/p99 of: state, JDBC
     * rows, history.
     */
    public static double[][] measure(QueryGateway queries, DataSource dataSource, List<String> sessions,
                                     List<Integer> counts, int total, List<String> table) throws InterruptedException {
        Quiet.settle(dataSource);
        MetaData office = ActorMetaData.of(Actor.office("benchmark"), "benchmark");
        Random r = new Random(total);
        IntConsumer stateCall = i -> {
            ProposalView v = queries.query(new GenericMessage<>(new GetProposalStateAt(pick(r, sessions, counts),
                    null, 3L), office), ResponseTypes.instanceOf(ProposalView.class)).join();
            if (v == null || v.version() != 3) {
                throw new IllegalStateException("state not found");
            }
        };
        IntConsumer historyCall = i -> {
            ProposalHistory h = queries.query(new GenericMessage<>(new GetProposalHistory(pick(r, sessions, counts),
                    Instant.parse("2022-01-01T00:00:00Z"), null), office),
                    ResponseTypes.instanceOf(ProposalHistory.class)).join();
            if (h == null || h.entries().size() != BenchmarkProposals.EVENTS) {
                throw new IllegalStateException("history not found");
            }
        };
        IntConsumer rawRows = i -> rawRows(dataSource, pick(r, sessions, counts));
        double[][] now = {time(stateCall), time(rawRows), time(historyCall)};
        String[] names = {"point-in-time state", "JDBC rows (floor)", "history"};
        for (int i = 0; i < names.length; i++) {
            table.add(String.format("%-10d %-22s %10.3f %10.3f", total, names[i], now[i][0], now[i][1]));
        }
        table.add(String.format("%-10s p99 / floor p99: state %.2f, history %.2f", "",
                now[0][1] / now[1][1], now[2][1] / now[1][1]));
        return now;
    }

    private static double[] time(IntConsumer call) {
        return Latencies.time(REQUESTS, WARM_UP, WARM_UP_AT_LEAST, call);
    }

    private static String pick(Random r, List<String> sessions, List<Integer> counts) {
        int k = r.nextInt(sessions.size());
        return BenchmarkProposals.id(sessions.get(k), r.nextInt(counts.get(k)));
    }

    private static void rawRows(DataSource dataSource, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT payload, metaData FROM domainevententry "
                     + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    rs.getBytes(1);
                    rs.getBytes(2);
                    n++;
                }
                if (n != BenchmarkProposals.EVENTS) {
                    throw new IllegalStateException(id + " has " + n + " events");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
