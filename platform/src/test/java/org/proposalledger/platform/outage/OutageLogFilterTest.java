package org.proposalledger.platform.outage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage is written once per logger and interval, as one line; everything else passes untouched. */
class OutageLogFilterTest {

    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> written = new ListAppender<>();
    final AtomicReference<Duration> interval = new AtomicReference<>(Duration.ofMinutes(1));
    Logger reader;
    Logger other;

    static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 1000ms", "08001",
            new ConnectException("Connection refused"));

    @BeforeEach
    void logback() {
        OutageLogFilter filter = new OutageLogFilter(StoreOutages.withPlatformClassifiers(List.of(
                new OutageClassifier() {
                    @Override
                    public Store unreachable(Throwable failure) {
                        return null;
                    }

                    @Override
                    public Store unreachableSaysLog(String logger, String message) {
                        return message.startsWith("Waiting for server") ? Store.READ_STORE : null;
                    }
                })), interval::get);
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        written.setContext(context);
        written.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(written);
        reader = context.getLogger("org.axonframework.eventsourcing.eventstore.EmbeddedEventStore");
        other = context.getLogger("org.axonframework.eventhandling.pooled.WorkPackage");
    }

    @Test
    void aRepeatedOutageIsOneLineWithoutItsStackTrace() {
        for (int i = 0; i < 50; i++) {
            reader.error("Failed to read events from the underlying event storage", POOL_TIMEOUT);
        }
        other.warn("Error while processing batch in Work Package [{}]-[{}]. Aborting Work Package...", 2, "proposal-views",
                POOL_TIMEOUT);
        assertThat(written.list).hasSize(2);
        ILoggingEvent first = written.list.get(0);
        assertThat(first.getThrowableProxy()).isNull();
        assertThat(first.getLoggerName()).isEqualTo(reader.getName());
        assertThat(first.getLevel().toString()).isEqualTo("ERROR");
        assertThat(first.getFormattedMessage()).startsWith("Failed to read events from the underlying event storage [")
                .contains("The event store is out of reach: ConnectException: Connection refused");
        assertThat(written.list.get(1).getFormattedMessage())
                .startsWith("Error while processing batch in Work Package [2]-[proposal-views]. Aborting");
    }

    @Test
    void afterTheIntervalTheNextLineSaysHowManyWereLeftOut() {
        interval.set(Duration.ZERO.plusNanos(1));
        reader.error("Failed to read events", POOL_TIMEOUT);
        interval.set(Duration.ofHours(1));
        reader.error("Failed to read events", POOL_TIMEOUT);
        reader.error("Failed to read events", POOL_TIMEOUT);
        interval.set(Duration.ZERO.plusNanos(1));
        reader.error("Failed to read events", POOL_TIMEOUT);
        assertThat(written.list).hasSize(2);
        assertThat(written.list.get(1).getFormattedMessage()).contains("2 left out since the last time");
    }

    @Test
    void otherFailuresAndLinesPassUntouched() {
        IllegalStateException bug = new IllegalStateException("a bug");
        for (int i = 0; i < 3; i++) {
            reader.error("Failed to read events", bug);
        }
        reader.info("Waiting for server to become available for operation with ID 7");
        reader.info("Waiting for server to become available for operation with ID 8");
        reader.debug("debug with an outage, below INFO", POOL_TIMEOUT);
        reader.info("an ordinary line");
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(6)
                .containsSubsequence("Failed to read events", "Failed to read events", "Failed to read events")
                .anySatisfy(m -> assertThat(m).startsWith("Waiting for server to become available for operation with ID 7 ["))
                .contains("debug with an outage, below INFO", "an ordinary line")
                .noneMatch(m -> m.contains("with ID 8"));
        assertThat(written.list.subList(0, 3)).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
    }
}
