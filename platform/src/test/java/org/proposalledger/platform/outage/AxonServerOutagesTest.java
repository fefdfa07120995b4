package org.proposalledger.platform.outage;

import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.AxonServerConnectionFactory;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.axoniq.axonserver.connector.impl.ServerAddress;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Axon Server cannot run here, so its outage is read from the exceptions its connector makes:
 * those of a real connection to an address where nothing listens (the connector library's own
 * dispatch failures), and those Axon Framework's {@link ErrorCode} builds from them — the same
 * conversions {@code AxonServerCommandBus} and {@code AxonServerQueryBus} apply.
 */
class AxonServerOutagesTest {

    static final StoreOutages OUTAGES = StoreOutages.withPlatformClassifiers(java.util.List.of());
    static AxonServerConnectionFactory factory;
    static AxonServerConnection connection;

    @BeforeAll
    static void connectToNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        factory = AxonServerConnectionFactory.forClient("outage-test")
                .routingServers(new ServerAddress("127.0.0.1", port)).build();
        connection = factory.connect("default");
    }

    @AfterAll
    static void disconnect() {
        factory.shutdown();
    }

    static Throwable failureOf(java.util.concurrent.CompletableFuture<?> future) {
        Throwable t = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
        assertThat(t).as("the dispatch must fail, not hang").isInstanceOf(ExecutionException.class);
        return t;
    }

    @Test
    void aCommandSentWhileTheServerIsUnreachable() {
        Throwable t = failureOf(connection.commandChannel().sendCommand(Command.newBuilder().setName("RegisterProposal").build()));
        assertThat(t.getCause()).isInstanceOf(io.axoniq.axonserver.connector.AxonServerException.class);
        assertThat(OUTAGES.find(t)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.MESSAGE_SERVER);
        // as AxonServerCommandBus hands it to the gateway: a CompletionException from its future chain
        assertThat(OUTAGES.find(new CompletionException(t.getCause()))).get()
                .extracting(StoreOutages.Outage::store).isEqualTo(Store.MESSAGE_SERVER);
    }

    @Test
    void aQuerySentWhileTheServerIsUnreachable() {
        var result = connection.queryChannel().query(QueryRequest.newBuilder().setQuery("FindProposal").build());
        await().atMost(Duration.ofSeconds(30)).until(result::isClosed);
        Throwable error = result.getError().orElse(null);
        assertThat(error).as("the query stream ends with an error").isNotNull();
        assertThat(OUTAGES.find(error)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.MESSAGE_SERVER);
        // what AxonServerQueryBus makes of it: AxonServerQueryDispatchException (the cause is kept only as text)
        Exception dispatch = ErrorCode.QUERY_DISPATCH_ERROR.convert(error);
        assertThat(dispatch.getClass().getSimpleName()).isEqualTo("AxonServerQueryDispatchException");
        assertThat(OUTAGES.find(dispatch)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.MESSAGE_SERVER);
    }

    @Test
    void theFrameworksOwnReadingsOfAnUnreachableServer() {
        StatusRuntimeException unavailable = new StatusRuntimeException(Status.UNAVAILABLE.withDescription("io exception"));
        assertThat(store(unavailable)).isEqualTo(Store.MESSAGE_SERVER);
        assertThat(store(new StatusRuntimeException(Status.DEADLINE_EXCEEDED))).isEqualTo(Store.MESSAGE_SERVER);
        // the event store behind Axon Server, as seen when the ledger started without it
        assertThat(store(new EventStoreException(unavailable.toString(), unavailable))).isEqualTo(Store.MESSAGE_SERVER);
        // AxonServerCommandBus when dispatching throws
        assertThat(store(new AxonServerCommandDispatchException(ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                "Exception while dispatching a command to AxonServer", unavailable))).isEqualTo(Store.MESSAGE_SERVER);
        assertThat(store(ErrorCode.CONNECTION_FAILED.convert(new java.net.ConnectException("Connection refused"))))
                .isEqualTo(Store.MESSAGE_SERVER);
        assertThat(store(ErrorCode.COMMAND_DISPATCH_ERROR.convert(unavailable))).isEqualTo(Store.MESSAGE_SERVER);
        assertThat(store(ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE.convert(unavailable))).isEqualTo(Store.MESSAGE_SERVER);
        assertThat(store(new io.axoniq.axonserver.connector.AxonServerException(ErrorCategory.CONNECTION_FAILED,
                "Connection failed", "outage-test"))).isEqualTo(Store.MESSAGE_SERVER);
    }

    @Test
    void faultsThatNoRetryMendsAreNotOutages() {
        StatusRuntimeException denied = new StatusRuntimeException(Status.PERMISSION_DENIED);
        assertThat(store(denied)).isNull();
        assertThat(store(new io.axoniq.axonserver.connector.AxonServerException(ErrorCategory.COMMAND_DISPATCH_ERROR,
                "Received exception while dispatching command", "outage-test", denied))).isNull();
        assertThat(store(new AxonServerCommandDispatchException(ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                "Exception while dispatching a command to AxonServer", new IllegalArgumentException("not serializable"))))
                .isNull();
        assertThat(store(ErrorCode.AUTHENTICATION_INVALID_TOKEN.convert(new SecurityException("bad token")))).isNull();
        // a rule the handler enforced, or a lost append race: answered 4xx/409 by ProblemHandling
        assertThat(ErrorCode.INVALID_EVENT_SEQUENCE.convert(new IllegalStateException("seq")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(store(ErrorCode.INVALID_EVENT_SEQUENCE.convert(new IllegalStateException("seq")))).isNull();
        assertThat(store(ErrorCode.COMMAND_EXECUTION_ERROR.convert(new IllegalStateException("rule"))))
                .isNull();
        assertThat(ErrorCode.COMMAND_EXECUTION_ERROR.convert(new IllegalStateException("rule")))
                .isInstanceOf(CommandExecutionException.class);
    }

    private static Store store(Throwable t) {
        return OUTAGES.find(t).map(StoreOutages.Outage::store).orElse(null);
    }
}
