package org.proposalledger.command.watch;

import org.axonframework.config.ConfigurerModule;
import org.proposalledger.api.calendar.WorkingDays;
import org.proposalledger.platform.LedgerProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** The deadline table (in the event-store database), its updater, and the watcher that polls it. */
@Configuration(proxyBeanMethods = false)
public class WatchConfiguration {

    /** Subscribing: the table is written in the same transaction as the events that change it. */
    @Bean
    public static ConfigurerModule deadlineTableProcessor() {
        return configurer -> configurer.eventProcessing(p -> p.registerSubscribingEventProcessor(DeadlineTableUpdater.GROUP));
    }

    @Bean
    public DeadlineTable deadlineTable(DataSource dataSource) {
        DeadlineTable table = new DeadlineTable(new JdbcTemplate(dataSource));
        table.createIfMissing();
        return table;
    }

    @Bean
    public DeadlineTableUpdater deadlineTableUpdater(DeadlineTable table, WorkingDays calendar) {
        return new DeadlineTableUpdater(table, calendar);
    }

    @Bean
    public DeadlineWatcher deadlineWatcher(DeadlineTable table, CommandGateway commands, Clock clock, LedgerProperties properties) {
        return new DeadlineWatcher(table, commands, clock, properties.getDeadlines().getPollInterval());
    }

    @Bean
    public WatcherLifecycle watcherLifecycle(DeadlineWatcher watcher, LedgerProperties properties) {
        return new WatcherLifecycle(watcher, properties.getDeadlines().isWatcherEnabled());
    }

    /** Starts polling once the whole application (Axon included) is up; stops before it shuts down. */
    public record WatcherLifecycle(DeadlineWatcher watcher, boolean enabled) {
        @EventListener(ApplicationReadyEvent.class)
        public void ready() {
            if (enabled) {
                watcher.start();
            }
        }

        @EventListener(ContextClosedEvent.class)
        public void closed() {
            watcher.stop();
        }
    }
}
