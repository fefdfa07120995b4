package org.proposalledger.command.watch;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.ExtendDeadline;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.ReturnAssignment;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;
import org.proposalledger.command.CommandSideApplication;
import org.proposalledger.platform.web.Commands;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The watcher against the embedded H2 store with a clock the test moves: due dates passing,
 * passing while the process is stopped, holidays and make-up days, extensions, re-handling,
 * reminders, co-unit opinions, and two watchers racing.
 */
class DeadlineWatcherIntegrationTest {

    static final SessionId SESSION = SessionId.of("s2026");
    static final Actor OFFICE = Actor.office("office");
    static final Actor LEAD = Actor.unit("unit-commerce", "commerce");
    static final Actor DEPUTY = Actor.deputy("deputy-zhu", "zhu-heping");

    final Path dataDir = Path.of("target", "test-data", "watcher-" + UUID.randomUUID()).toAbsolutePath();
    final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 1, 5, 10, 0));
    ConfigurableApplicationContext context;

    ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--ledger.deadlines.poll-interval=100ms"));
        args.addAll(extraArgs());
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
    }

    /** Extra start-up arguments (another event-store database). */
    List<String> extraArgs() {
        return List.of();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    Commands commands() {
        return context.getBean(Commands.class);
    }

    void referenceData() {
        Commands c = commands();
        c.sendAs(OFFICE, new RecordCongressSession(SESSION, "2026年会议", LocalDate.of(2026, 1, 4)));
        c.sendAs(OFFICE, new RecordHandlingUnit(UnitId.of("commerce"), "市商务局", UnitKind.DEPARTMENT));
        c.sendAs(OFFICE, new RecordHandlingUnit(UnitId.of("education"), "市教育局", UnitKind.DEPARTMENT));
        c.sendAs(OFFICE, new RecordDeputy(DeputyId.of("zhu-heping"), "朱和平", "离石区代表团"));
    }

    ProposalId assignedProposal(List<String> coUnits) {
        ProposalId id = ProposalId.of(UUID.randomUUID().toString());
        Commands c = commands();
        c.sendAs(DEPUTY, new SubmitProposal(id, SESSION, "关于农村电商的建议", List.of(DeputyId.of("zhu-heping")), false,
                Category.ECONOMY, "背景", List.of("一是完善物流")));
        c.sendAs(OFFICE, new RegisterProposal(id, "第" + id.value().substring(0, 4) + "号"));
        c.sendAs(OFFICE, new AssignProposal(id, UnitId.of("commerce"), coUnits.stream().map(UnitId::of).toList(), null));
        return id;
    }

    List<Object> history(ProposalId id) {
        List<Object> events = new ArrayList<>();
        context.getBean(EventStore.class).readEvents(id.value()).asStream()
                .map(DomainEventMessage::getPayload).forEach(events::add);
        return events;
    }

    <T> List<T> eventsOf(ProposalId id, Class<T> type) {
        return history(id).stream().filter(type::isInstance).map(type::cast).toList();
    }

    void settle() {
        // two full poll cycles: anything the watcher would raise has been raised
        DeadlineWatcher w = context.getBean(DeadlineWatcher.class);
        w.poll();
        w.poll();
    }

    @Test
    void overdue_lands_once_the_day_after_the_due_date_around_the_qingming_holiday() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of());   // assigned Mon 2026-01-05, due Sun 2026-04-05
        clock.set(LocalDateTime.of(2026, 4, 5, 23, 59));
        settle();
        assertThat(eventsOf(id, ReplyOverdue.class)).isEmpty();

        clock.set(LocalDateTime.of(2026, 4, 6, 0, 0, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, ReplyOverdue.class).isEmpty());
        settle();
        assertThat(eventsOf(id, ReplyOverdue.class))
                .containsExactly(new ReplyOverdue(id, UnitId.of("commerce"), LocalDate.of(2026, 4, 5), 1));
    }

    @Test
    void a_due_date_that_passes_while_stopped_is_raised_once_on_start_up() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of());
        context.close();

        clock.set(LocalDateTime.of(2026, 4, 20, 9, 0));
        context = start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, ReplyOverdue.class).isEmpty());
        context.close();
        context = start();   // a second start raises nothing new
        settle();
        List<? extends DomainEventMessage<?>> overdue = context.getBean(EventStore.class).readEvents(id.value()).asStream()
                .filter(m -> m.getPayload() instanceof ReplyOverdue).toList();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getTimestamp()).isEqualTo(clock.instant());
    }

    @Test
    void reminder_comes_five_working_days_before_and_only_once() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of());
        // due Sun 04-05 (holiday 04-04..06): five working days before is Mon 03-30
        clock.set(LocalDateTime.of(2026, 3, 29, 12, 0));
        settle();
        assertThat(eventsOf(id, ReplyDueSoon.class)).isEmpty();
        clock.set(LocalDateTime.of(2026, 3, 30, 8, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, ReplyDueSoon.class).isEmpty());
        clock.set(LocalDateTime.of(2026, 4, 2, 8, 0));
        settle();
        assertThat(eventsOf(id, ReplyDueSoon.class))
                .containsExactly(new ReplyDueSoon(id, UnitId.of("commerce"), LocalDate.of(2026, 4, 5), 1));
    }

    @Test
    void within_an_approved_extension_nothing_is_overdue_and_the_limit_is_six_months() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of());
        assertThatThrownBy(() -> commands().sendAs(OFFICE, new ExtendDeadline(id, LocalDate.of(2026, 7, 6), "张主任")))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.rule()).isEqualTo("extension-beyond-limit"));
        commands().sendAs(OFFICE, new ExtendDeadline(id, LocalDate.of(2026, 7, 5), "张主任"));   // exactly 6 months

        clock.set(LocalDateTime.of(2026, 5, 6, 9, 0));
        settle();
        assertThat(eventsOf(id, ReplyOverdue.class)).isEmpty();
        clock.set(LocalDateTime.of(2026, 7, 6, 9, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, ReplyOverdue.class).isEmpty());
        assertThat(eventsOf(id, ReplyOverdue.class)).extracting(ReplyOverdue::dueOn)
                .containsExactly(LocalDate.of(2026, 7, 5));
    }

    @Test
    void a_rehandling_reply_has_its_own_overdue() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of());
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        commands().sendAs(LEAD, new ReplyToProposal(id, ReplyClass.B, "正在解决", "王局长"));
        commands().sendAs(DEPUTY, new RateReply(id, Rating.UNSATISFIED, "不满意"));   // re-handling due 2026-04-02
        clock.set(LocalDateTime.of(2026, 4, 2, 20, 0));
        settle();
        assertThat(eventsOf(id, ReplyOverdue.class)).isEmpty();
        clock.set(LocalDateTime.of(2026, 4, 3, 9, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, ReplyOverdue.class).isEmpty());
        assertThat(eventsOf(id, ReplyOverdue.class))
                .containsExactly(new ReplyOverdue(id, UnitId.of("commerce"), LocalDate.of(2026, 4, 2), 2));
    }

    @Test
    void an_owed_co_unit_opinion_becomes_overdue_after_one_month() {
        context = start();
        referenceData();
        ProposalId id = assignedProposal(List.of("education"));   // opinion due 2026-02-05
        clock.set(LocalDateTime.of(2026, 2, 6, 9, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id, CoUnitOpinionOverdue.class).isEmpty());
        settle();
        assertThat(eventsOf(id, CoUnitOpinionOverdue.class))
                .containsExactly(new CoUnitOpinionOverdue(id, UnitId.of("education"), LocalDate.of(2026, 2, 5)));
    }

    @Test
    void returns_just_inside_and_just_outside_the_window_across_spring_festival() {
        clock.set(LocalDateTime.of(2026, 2, 12, 10, 0));   // Thursday
        context = start();
        referenceData();
        // 7 working days: Fri 13, Sat 14 (make-up), [15..23 holiday], Tue 24 .. Fri 27, Sat 28 (make-up)
        ProposalId inside = assignedProposal(List.of());
        ProposalId outside = assignedProposal(List.of());
        clock.set(LocalDateTime.of(2026, 2, 28, 17, 0));
        commands().sendAs(LEAD, new ReturnAssignment(inside, "不属于本单位职责"));
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));   // Monday; Sunday 03-01 is no working day
        assertThatThrownBy(() -> commands().sendAs(LEAD, new ReturnAssignment(outside, "不属于本单位职责")))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("return-window-passed");
                    assertThat(e.getMessage()).contains("2026-02-28");
                });
    }

    @Test
    void two_watchers_racing_store_exactly_one_overdue() throws Exception {
        context = start();
        context.getBean(DeadlineWatcher.class).stop();   // only the two racers below poll
        referenceData();
        List<ProposalId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(assignedProposal(List.of("education")));
        }
        clock.set(LocalDateTime.of(2026, 4, 7, 9, 0));
        DeadlineTable table = context.getBean(DeadlineTable.class);
        CommandGateway gateway = context.getBean(CommandGateway.class);
        DeadlineWatcher a = new DeadlineWatcher(table, gateway, clock, Duration.ofSeconds(1));
        DeadlineWatcher b = new DeadlineWatcher(table, gateway, clock, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.<Callable<Integer>>of(a::poll, b::poll));
            int stored = 0;
            for (Future<Integer> f : results) {
                stored += f.get();
            }
            assertThat(stored).isEqualTo(10);   // 5 replies + 5 opinions, whoever won each
        } finally {
            pool.shutdownNow();
        }
        a.poll();
        b.poll();
        for (ProposalId id : ids) {
            assertThat(eventsOf(id, ReplyOverdue.class)).hasSize(1);
            assertThat(eventsOf(id, CoUnitOpinionOverdue.class)).hasSize(1);
        }
    }

    @Test
    void two_instances_on_one_event_store_raise_each_overdue_once() {
        context = start();
        ConfigurableApplicationContext other = start();   // a second process on the same database
        try {
            referenceData();
            List<ProposalId> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(assignedProposal(List.of("education")));
            }
            clock.set(LocalDateTime.of(2026, 4, 7, 9, 0));
            await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id ->
                    eventsOf(id, ReplyOverdue.class).size() == 1 && eventsOf(id, CoUnitOpinionOverdue.class).size() == 1));
            other.getBean(DeadlineWatcher.class).poll();
            settle();
            for (ProposalId id : ids) {
                assertThat(eventsOf(id, ReplyOverdue.class)).hasSize(1);
                assertThat(eventsOf(id, CoUnitOpinionOverdue.class)).hasSize(1);
            }
        } finally {
            other.close();
        }
    }
}
