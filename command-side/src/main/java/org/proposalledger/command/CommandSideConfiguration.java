package org.proposalledger.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.command.deadline.DeadlineRuleBook;
import org.proposalledger.command.deadline.EventStoreDeadlineRuleBook;
import org.proposalledger.platform.calendar.HolidayCalendar;
import org.proposalledger.command.proposal.Proposal;
import org.proposalledger.command.proposal.ProposalIds;
import org.proposalledger.command.reference.CongressSession;
import org.proposalledger.command.reference.Deputy;
import org.proposalledger.command.reference.EventStoreReferenceData;
import org.proposalledger.command.reference.HandlingUnit;
import org.proposalledger.command.reference.ReferenceData;
import org.proposalledger.command.reference.RememberedReferenceData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.proposalledger.command.imports.ImportOnStart;
import org.proposalledger.command.imports.ImportProperties;
import org.proposalledger.command.imports.ReferenceNames;
import org.proposalledger.command.imports.ReportImporter;
import org.proposalledger.platform.web.Commands;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The command side's Spring wiring. Aggregates are registered here rather than with Axon's
 * Spring stereotype, so the domain classes stay free of Spring. The beans below are what the
 * aggregates' command handlers receive as parameters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
public class CommandSideConfiguration {

    @Bean
    public static ConfigurerModule commandSideAggregates() {
        return configurer -> configurer
                .configureAggregate(Proposal.class)
                .configureAggregate(CongressSession.class)
                .configureAggregate(HandlingUnit.class)
                .configureAggregate(Deputy.class);
    }

    @Bean
    /** Deadlines are reckoned on the platform's holiday calendar (files per year, reloadable). */
    public DeadlineRuleBook deadlineRuleBook(EventStore eventStore, HolidayCalendar calendar) {
        return new EventStoreDeadlineRuleBook(eventStore, calendar);
    }

    @Bean
    public ReferenceData referenceData(EventStore eventStore) {
        return new RememberedReferenceData(new EventStoreReferenceData(eventStore));
    }

    @Bean
    public ReportImporter reportImporter(Commands commands, ObjectProvider<EventStorageEngine> engine,
                                         EventStore eventStore) {
        return new ReportImporter(commands::sendAs, new ReferenceNames(engine.getIfAvailable()), eventStore);
    }

    /** {@code --ledger.import.file=FILE}: see {@link ImportOnStart}. */
    @Bean
    @ConditionalOnProperty("ledger.import.file")
    public ImportOnStart importOnStart(ReportImporter importer, ConfigurableApplicationContext context,
                                       ImportProperties properties) {
        return new ImportOnStart(importer, context, properties.getFile(), properties.getSessionId(),
                properties.isExit());
    }

    @Bean
    public ProposalIds proposalIds(Clock clock) {
        return new ProposalIds(clock);
    }
}
