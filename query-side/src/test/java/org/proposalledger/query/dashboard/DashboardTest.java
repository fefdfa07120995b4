package org.proposalledger.query.dashboard;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.DailySeries;
import org.proposalledger.api.query.dashboard.GetDailySeries;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.GetUnitTable;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.api.query.dashboard.UnitTable;
import org.proposalledger.api.query.dashboard.Wilson;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.ProjectionProgress;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.proposalledger.query.support.Events.ASSIGNED_ON;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.assignedIn;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.registeredIn;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.rejected;
import static org.proposalledger.query.support.Events.submitted;
import static org.proposalledger.query.support.Events.withdrawn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A scripted session with known outcomes, projected from real events into the real embedded
 * stores; every expected figure below is counted by hand from the script.
 * <pre>
 *   p1 commerce ECONOMY   zhu,gao  consulted, reply A day 30 on time, rated satisfied
 *   p2 commerce ECONOMY   zhu      reply B day 100 late, rated basically satisfied
 *   p3 commerce AGRICULTURE gao      reply C day 40 on time, unsatisfied, re-handled, reply A, satisfied
 *   p4 education AGRICULTURE zhu     overdue, no reply
 *   p5 education ECONOMY  li       consulted, reply D day 50 on time, not rated
 *   p6 transport ECONOMY  li       assigned, then withdrawn           (outside the base)
 *   p7 rejected; p8 registered only                                   (outside the base)
 * </pre>
 */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    static final Path DIR = TestDataDir.create(DashboardTest.class);
    static final String S = "dash-2022";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> IDS = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");

    static final Instant D1 = Instant.parse("2022-03-10T02:00:00Z");
    static final Instant D2 = Instant.parse("2022-04-09T03:00:00Z");
    static final Instant D3 = Instant.parse("2022-04-19T03:00:00Z");
    static final Instant D3_LATER = Instant.parse("2022-04-19T09:00:00Z");
    static final Instant D4 = Instant.parse("2022-04-29T03:00:00Z");
    static final Instant D5 = Instant.parse("2022-05-01T03:00:00Z");
    static final Instant D6 = Instant.parse("2022-06-11T01:00:00Z");
    static final Instant D7 = Instant.parse("2022-06-18T03:00:00Z");
    static final Instant D8 = Instant.parse("2022-07-01T03:00:00Z");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    QueryGateway queryGateway;
    @Autowired
    DashboardReader reader;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;

    ProjectionProgress progress;

    private static ProposalReplied reply(String id, String unit, ReplyClass cls, int day, boolean late, int round) {
        return new ProposalReplied(ProposalId.of(id), UnitId.of(unit), cls, "答复", "局长",
                ASSIGNED_ON.plusDays(day), DUE_ON, late, round);
    }

    @BeforeAll
    void publish() {
        progress = new ProjectionProgress(processing, eventStore, tokenStore);
        EventLog log = new EventLog(eventStore);
        Actor office = Actor.office("office");
        List<DomainEventMessage<?>> day1 = new ArrayList<>();
        Object[][] specs = {
                {"p1", "commerce", Category.ECONOMY, new String[]{"zhu-heping", "gao-li"}},
                {"p2", "commerce", Category.ECONOMY, new String[]{"zhu-heping"}},
                {"p3", "commerce", Category.AGRICULTURE, new String[]{"gao-li"}},
                {"p4", "education", Category.AGRICULTURE, new String[]{"zhu-heping"}},
                {"p5", "education", Category.ECONOMY, new String[]{"li-ming"}},
                {"p6", "transport", Category.ECONOMY, new String[]{"li-ming"}}};
        log.at(D1);
        for (Object[] spec : specs) {
            String id = (String) spec[0];
            day1.add(log.message("Proposal", id, submitted(id, S, (Category) spec[2], (String[]) spec[3]), office, "c"));
            day1.add(log.message("Proposal", id, registeredIn(S, id, id), office, "c"));
            day1.add(log.message("Proposal", id, assignedIn(S, id, (String) spec[1]), office, "c"));
        }
        day1.add(log.message("Proposal", "p7", submitted("p7", S, Category.ECONOMY, "zhu-heping"), office, "c"));
        day1.add(log.message("Proposal", "p7", rejected("p7"), office, "c"));
        day1.add(log.message("Proposal", "p8", submitted("p8", S, Category.ECONOMY, "zhu-heping"), office, "c"));
        day1.add(log.message("Proposal", "p8", registeredIn(S, "p8", "p8"), office, "c"));
        log.publish(day1);
        log.append("HandlingUnit", "commerce", new org.proposalledger.api.reference.HandlingUnitRegistered(
                UnitId.of("commerce"), "市商务局", org.proposalledger.api.reference.UnitKind.DEPARTMENT), office);

        log.at(D2).proposal(office, "c", consulted("p1", "commerce"), reply("p1", "commerce", ReplyClass.A, 30, false, 1));
        log.at(D3).proposal(office, "c", reply("p3", "commerce", ReplyClass.C, 40, false, 1));
        log.at(D3_LATER).proposal(office, "c", rated("p3", "gao-li", Rating.UNSATISFIED, 1),
                rehandling("p3", "commerce", DUE_ON.plusMonths(1), 2));
        log.at(D4).proposal(office, "c", consulted("p5", "education"), reply("p5", "education", ReplyClass.D, 50, false, 1));
        log.at(D5).proposal(office, "c", rated("p1", "zhu-heping", Rating.SATISFIED, 1));
        log.proposal(office, "c", withdrawn("p6", "li-ming"));
        log.at(D6).proposal(office, "c", overdue("p4", "education"));
        log.at(D7).proposal(office, "c", reply("p2", "commerce", ReplyClass.B, 100, true, 1),
                rated("p2", "zhu-heping", Rating.BASICALLY_SATISFIED, 1));
        log.at(D8).proposal(office, "c", reply("p3", "commerce", ReplyClass.A, 113, false, 2),
                rated("p3", "gao-li", Rating.SATISFIED, 2));
        // for the text search: another session, real titles
        log.proposal(office, "c", new org.proposalledger.api.proposal.ProposalSubmitted(ProposalId.of("s-1"),
                org.proposalledger.api.reference.SessionId.of("search-2022"), "关于加快我市农村电商发展的建议",
                List.of(org.proposalledger.api.reference.DeputyId.of("zhu-heping")), false, Category.ECONOMY,
                "我市农村电商起步较晚。", List.of("一是完善物流体系。")));
        log.proposal(office, "c", new org.proposalledger.api.proposal.ProposalSubmitted(ProposalId.of("s-2"),
                org.proposalledger.api.reference.SessionId.of("search-2022"), "关于加强农村道路建设的建议",
                List.of(org.proposalledger.api.reference.DeputyId.of("gao-li")), false, Category.AGRICULTURE,
                "农村公路年久失修。", List.of("加大投入。")));
        log.proposal(office, "c", new org.proposalledger.api.proposal.ProposalSubmitted(ProposalId.of("s-3"),
                org.proposalledger.api.reference.SessionId.of("search-2022"), "关于发展5G网络的建议",
                List.of(org.proposalledger.api.reference.DeputyId.of("gao-li")), false, Category.ECONOMY,
                "电信 Network 覆盖不足。", List.of()));
        progress.awaitCaughtUp();
    }

    private List<String> search(String user, String q, int limit, String cursor, List<String> cursors)
            throws Exception {
        var request = get("/api/v1/proposals").param("sessionId", "search-2022").param("q", q)
                .param("limit", "" + limit).with(httpBasic(user, user));
        if (cursor != null) {
            request = request.param("cursor", cursor);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        List<String> ids = new ArrayList<>();
        node.get("items").forEach(i -> ids.add(i.get("id").asText()));
        if (cursors != null) {
            cursors.add(node.get("nextCursor").isNull() ? null : node.get("nextCursor").asText());
        }
        return ids;
    }

    @Test
    void theListFindsChineseTextOfTwoOrMoreCharacters() throws Exception {
        assertThat(search("reader", "农村", 50, null, null)).containsExactly("s-1", "s-2");
        assertThat(search("reader", "电商", 50, null, null)).containsExactly("s-1");
        assertThat(search("reader", "农村电商发展", 50, null, null)).containsExactly("s-1");
        assertThat(search("reader", "物流体系", 50, null, null)).containsExactly("s-1");
        assertThat(search("reader", "年久失修", 50, null, null)).containsExactly("s-2");
        assertThat(search("reader", "5g", 50, null, null)).containsExactly("s-3");
        assertThat(search("reader", "NETWORK", 50, null, null)).containsExactly("s-3");
        assertThat(search("reader", "电商道路", 50, null, null)).isEmpty();
        // a deputy finds only their own
        assertThat(search("deputy-zhu", "农村", 50, null, null)).containsExactly("s-1");
        // pages
        List<String> cursors = new ArrayList<>();
        assertThat(search("reader", "农村", 1, null, cursors)).containsExactly("s-1");
        assertThat(cursors.get(0)).isNotNull();
        assertThat(search("reader", "农村", 1, cursors.get(0), cursors)).containsExactly("s-2");
        assertThat(cursors.get(1)).isNull();
        mvc.perform(get("/api/v1/proposals").param("q", "农").with(httpBasic("reader", "reader")))
                .andExpect(status().isBadRequest());
    }

    private SessionDashboard session(Instant asOf) {
        return queryGateway.query(new GetSessionDashboard(S, asOf), ResponseTypes.instanceOf(SessionDashboard.class))
                .join();
    }

    @Test
    void sessionTotalsAndRatesAreTheHandCountedOnes() {
        SessionDashboard d = session(null);
        assertThat(d.scope()).isEqualTo("session");
        // 5 assigned; replied p1 p2 p3 p5; on time p1 p3 p5; consulted p1 p5; rated p1 p2 p3 (the
        // re-handled p3 once, with its latest rating); overdue p4; classes A (p1, p3 latest) B D;
        // days to reply 30 40 50 100
        assertThat(d.figures().counts()).isEqualTo(new ScopeCounts(5, 4, 3, 2, 3, 2, 1, 0, 1, 2, 1, 0, 1,
                Map.of(30, 1L, 40, 1L, 50, 1L, 100, 1L)));
        assertThat(d.figures().rates().replyRate()).isEqualTo(0.8);
        assertThat(d.figures().rates().onTimeReplyRate()).isEqualTo(0.6);
        assertThat(d.figures().rates().consultationRate()).isEqualTo(0.4);
        assertThat(d.figures().rates().satisfactionRate()).isEqualTo(1.0);
        assertThat(d.figures().rates().satisfiedRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(d.figures().medianDaysToReply()).isEqualTo(45.0);
    }

    @Test
    void unknownSessionHasNoRates() {
        SessionDashboard d = queryGateway.query(new GetSessionDashboard("no-such", null),
                ResponseTypes.instanceOf(SessionDashboard.class)).join();
        assertThat(d.figures().counts()).isEqualTo(ScopeCounts.EMPTY);
        assertThat(d.figures().rates().replyRate()).isNull();
        assertThat(d.figures().medianDaysToReply()).isNull();
    }

    @Test
    void unitTableRanksWithWilsonAndListsSmallSamplesApart() {
        UnitTable t = queryGateway.query(new GetUnitTable(S, "replyRate", 1, null),
                ResponseTypes.instanceOf(UnitTable.class)).join();
        assertThat(t.ranked()).extracting(UnitTable.Row::unitId).containsExactly("commerce", "education");
        assertThat(t.ranked()).extracting(UnitTable.Row::rank).containsExactly(1, 2);
        UnitTable.Row commerce = t.ranked().get(0);
        assertThat(commerce.sample()).isEqualTo(3);
        assertThat(commerce.value()).isEqualTo(1.0);
        assertThat(commerce.wilson()).isEqualTo(Wilson.of(3, 3));
        assertThat(commerce.wilson().lower()).isCloseTo(0.4385, within(1e-4));
        UnitTable.Row education = t.ranked().get(1);
        assertThat(education.value()).isEqualTo(0.5);
        assertThat(education.wilson().lower()).isCloseTo(0.0945, within(1e-4));
        assertThat(education.wilson().upper()).isCloseTo(0.9055, within(1e-4));
        // transport had one proposal, withdrawn: in the list, sample 0, not ranked
        assertThat(t.belowMinimumSample()).extracting(UnitTable.Row::unitId).containsExactly("transport");
        assertThat(t.belowMinimumSample().get(0).value()).isNull();

        UnitTable bySatisfaction = queryGateway.query(new GetUnitTable(S, "satisfactionRate", 3, null),
                ResponseTypes.instanceOf(UnitTable.class)).join();
        assertThat(bySatisfaction.ranked()).extracting(UnitTable.Row::unitId).containsExactly("commerce");
        assertThat(bySatisfaction.belowMinimumSample()).extracting(UnitTable.Row::unitId)
                .containsExactly("education", "transport");
    }

    /** Reference: fold every proposal's events stamped up to {@code at}, sum the contributions. */
    private ScopeCounts replayed(String scope, Instant at) {
        ProposalFold fold = new ProposalFold();
        ScopeCounts sum = ScopeCounts.EMPTY;
        for (String id : IDS) {
            ProposalView view = null;
            for (DomainEventMessage<?> e : eventStore.readEvents(id).asStream().toList()) {
                if (!e.getTimestamp().isAfter(at)) {
                    view = fold.apply(view, e.getPayload(), EventMeta.of(e.getSequenceNumber(), e.getTimestamp(),
                            e.getMetaData()));
                }
            }
            ScopeCounts c = Contribution.of(view).get(scope);
            sum = c == null ? sum : sum.plus(c);
        }
        return sum;
    }

    @Test
    void asOfAnyInstantEqualsAReplayOfTheEventsUpToIt() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2022-03-01T00:00:00Z"),
                D1.plusSeconds(10), D1.plusSeconds(24), Instant.parse("2022-04-19T05:00:00Z"), D3_LATER.plusSeconds(1),
                D3_LATER.plusSeconds(2), D6.plusSeconds(1), Instant.parse("2022-06-10T15:59:59.999999999Z"),
                D8.plusSeconds(2), Instant.parse("2023-01-01T00:00:00Z")));
        for (LocalDate day = LocalDate.of(2022, 3, 9); day.isBefore(LocalDate.of(2022, 7, 3)); day = day.plusDays(1)) {
            instants.add(day.plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1));
        }
        List<String> scopes = List.of(Contribution.sessionScope(S), Contribution.unitScope(S, "commerce"),
                Contribution.unitScope(S, "education"), Contribution.unitScope(S, "transport"),
                Contribution.categoryScope(S, "ECONOMY"), Contribution.deputyScope(S, "zhu-heping"));
        for (Instant at : instants) {
            for (String scope : scopes) {
                assertThat(reader.counts(scope, at)).as(scope + " at " + at).isEqualTo(replayed(scope, at));
            }
        }
        // in the middle of 19 April: p3 replied (03:00Z), not yet rated (09:00Z)
        SessionDashboard midDay = session(Instant.parse("2022-04-19T05:00:00Z"));
        assertThat(midDay.figures().counts().replied()).isEqualTo(2);
        assertThat(midDay.figures().counts().rated()).isZero();
        assertThat(session(D3_LATER.plusSeconds(1)).figures().counts().unsatisfied()).isEqualTo(1);
        // on the legal deadline date p4 was not yet overdue (raised the next morning)
        assertThat(session(Instant.parse("2022-06-10T15:59:59Z")).figures().counts().overdue()).isZero();
        assertThat(session(D6.plusSeconds(1)).figures().counts().overdue()).isEqualTo(1);
    }

    @Test
    void dailySeriesGivesEndOfDayFigures() {
        DailySeries series = queryGateway.query(new GetDailySeries(S, "commerce", LocalDate.of(2022, 4, 8),
                LocalDate.of(2022, 4, 20)), ResponseTypes.instanceOf(DailySeries.class)).join();
        assertThat(series.days()).hasSize(13);
        TreeMap<LocalDate, Long> replied = new TreeMap<>();
        series.days().forEach(d -> replied.put(d.date(), d.figures().counts().replied()));
        assertThat(replied.get(LocalDate.of(2022, 4, 8))).isZero();
        assertThat(replied.get(LocalDate.of(2022, 4, 9))).isEqualTo(1);
        assertThat(replied.get(LocalDate.of(2022, 4, 19))).isEqualTo(2);
        for (DailySeries.Day d : series.days()) {
            Instant endOfDay = d.date().plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1);
            assertThat(d.figures().counts()).isEqualTo(replayed(Contribution.unitScope(S, "commerce"), endOfDay));
        }
    }

    @Test
    void countersAreReadBackByIdAndReDeliveryChangesNothing() {
        Document before = mongo.getCollection(CounterStore.COUNTERS).find(new Document("_id", "s|" + S)).first();
        List<Document> all = mongo.getCollection(CounterStore.COUNTERS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
        List<Document> days = mongo.getCollection(CounterStore.DAYS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
        assertThat(before).isNotNull();
        long proposals = mongo.getCollection(ProposalStore.COLLECTION).countDocuments();
        // what a crash between writing the counters and writing the proposals looks like: the
        // proposal documents are behind, every event comes again, the counters must not move
        mongo.dropCollection(ProposalStore.COLLECTION);
        progress.rewindWithoutReset();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                mongo.getCollection(ProposalStore.COLLECTION).countDocuments() == proposals);
        progress.awaitCaughtUp();
        assertThat(strip(mongo.getCollection(CounterStore.COUNTERS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>()))).isEqualTo(strip(all));
        assertThat(strip(mongo.getCollection(CounterStore.DAYS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>()))).isEqualTo(strip(days));
        sessionTotalsAndRatesAreTheHandCountedOnes();
    }

    /** Without the bookkeeping markers and set order, which depend on how events were batched. */
    private static List<Document> strip(List<Document> docs) {
        docs.forEach(d -> {
            d.remove("applied");
            d.remove(CounterStore.TABLES_REVISION); // counts batches, which re-delivery repeats
            d.remove(CounterStore.EPOCH);
            for (String set : List.of("units", "categories", "deputies", "months")) {
                if (d.get(set) instanceof List<?> l) {
                    d.put(set, l.stream().map(Object::toString).sorted().toList());
                }
            }
        });
        return docs;
    }

    @Test
    void subscribersGetTheirOwnNewDashboardWhenItChanges() throws Exception {
        String live = "live-2022";
        var all = queryGateway.subscriptionQuery(new GetSessionDashboard(live, null),
                ResponseTypes.instanceOf(SessionDashboard.class), ResponseTypes.instanceOf(SessionDashboard.class));
        var unit = queryGateway.subscriptionQuery(new org.axonframework.messaging.GenericMessage<>(
                        new GetSessionDashboard(live, null), Actor.unit("unit-commerce", "commerce").toMetaData()),
                ResponseTypes.instanceOf(SessionDashboard.class), ResponseTypes.instanceOf(SessionDashboard.class));
        var sse = mvc.perform(get("/api/v1/dashboards/sessions/" + live + "/stream")
                        .with(httpBasic("reader", "reader")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        try {
            assertThat(all.initialResult().block().figures().counts().assigned()).isZero();
            List<SessionDashboard> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<SessionDashboard> seenByUnit = new java.util.concurrent.CopyOnWriteArrayList<>();
            all.updates().subscribe(seen::add);
            unit.updates().subscribe(seenByUnit::add);

            EventLog log = new EventLog(eventStore).at(Instant.parse("2022-03-11T02:00:00Z"));
            Actor office = Actor.office("office");
            log.proposal(office, "c", submitted("live-1", live, Category.ECONOMY, "zhu-heping"),
                    registeredIn(live, "live-1", "1"), assignedIn(live, "live-1", "commerce"));
            log.proposal(office, "c", submitted("live-2", live, Category.ECONOMY, "zhu-heping"),
                    registeredIn(live, "live-2", "2"), assignedIn(live, "live-2", "education"));

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    !seen.isEmpty() && seen.get(seen.size() - 1).figures().counts().assigned() == 2
                            && !seenByUnit.isEmpty());
            assertThat(seen).allMatch(d -> d.scope().equals("session"));
            assertThat(seenByUnit).allMatch(d -> d.scope().equals("unit") && d.figures().key().equals("commerce"));
            assertThat(seenByUnit.get(seenByUnit.size() - 1).figures().counts().assigned()).isEqualTo(1);
            // the HTTP stream: first the dashboard as it stood, then the new ones
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    sse.getResponse().getContentAsString().contains("\"assigned\":2"));
            String body = sse.getResponse().getContentAsString();
            assertThat(body).startsWith("event:dashboard").contains("\"assigned\":0");
            assertThat(sse.getResponse().getContentType()).startsWith("text/event-stream");
        } finally {
            all.close();
            unit.close();
        }
    }

    private static List<String> csvLines(byte[] body) {
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }

    @Test
    void exportsOpenAndReadBack() throws Exception {
        var units = mvc.perform(get("/api/v1/reports/sessions/" + S + "/units.csv").param("minSample", "1")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(units.getContentType()).startsWith("text/csv");
        assertThat(units.getHeader("Content-Disposition")).contains(S + "-units.csv");
        List<String> unitLines = csvLines(units.getContentAsByteArray());
        assertThat(unitLines.get(0)).startsWith("rank,unitId,unitName,assigned,replied,");
        assertThat(unitLines).hasSize(4);
        assertThat(unitLines.get(1)).startsWith("1,commerce,市商务局,3,3,2,1,3,2,1,0,0,2,1,0,0,40.0,1.0,");
        assertThat(unitLines.get(2)).startsWith("2,education,,2,1,1,1,0,");
        assertThat(unitLines.get(3)).startsWith(",transport,,0,0,");

        byte[] xlsx = mvc.perform(get("/api/v1/reports/sessions/" + S + "/units.xlsx").param("minSample", "1")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("units");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("unitId");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("commerce");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("市商务局");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(2).getCell(17).getNumericCellValue()).isEqualTo(0.5); // replyRate
            assertThat(sheet.getRow(2).getCell(24).getNumericCellValue()).isCloseTo(0.0945, within(1e-4));
        }

        List<String> proposals = csvLines(mvc.perform(get("/api/v1/reports/sessions/" + S + "/proposals.csv")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(proposals.get(0)).startsWith("number,id,title,proposers,");
        assertThat(proposals).hasSize(1 + IDS.size());
        assertThat(proposals.get(1)).startsWith("p1,p1,关于p1的建议,zhu-heping、gao-li,ECONOMY,CLOSED".substring(0, 40));
        // a unit exports what it may see: commerce leads p1 p2 p3
        List<String> forUnit = csvLines(mvc.perform(get("/api/v1/reports/sessions/" + S + "/proposals.csv")
                        .with(httpBasic("unit-commerce", "unit-commerce")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(forUnit.stream().skip(1).map(l -> l.split(",")[1])).containsExactly("p1", "p2", "p3");

        byte[] px = mvc.perform(get("/api/v1/reports/sessions/" + S + "/proposals.xlsx")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(px))) {
            var sheet = wb.getSheet("proposals");
            assertThat(sheet.getLastRowNum()).isEqualTo(IDS.size());
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("关于p1的建议");
            assertThat(sheet.getRow(3).getCell(16).getStringCellValue()).isEqualTo("SATISFIED"); // p3, latest
        }
    }

    @Test
    void httpServesEveryDashboardWithVisibility() throws Exception {
        mvc.perform(get("/api/v1/dashboards/sessions/" + S).with(httpBasic("reader", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.counts.assigned").value(5))
                .andExpect(jsonPath("$.figures.rates.replyRate").value(0.8))
                .andExpect(jsonPath("$.figures.rates.satisfactionRate").value(1.0))
                .andExpect(jsonPath("$.figures.medianDaysToReply").value(45.0));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S).param("asOf", "2022-04-09")
                        .with(httpBasic("office", "office")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.counts.replied").value(1))
                .andExpect(jsonPath("$.figures.rates.satisfactionRate").value(nullValue()));
        // a unit sees its own unit's figures only
        mvc.perform(get("/api/v1/dashboards/sessions/" + S).with(httpBasic("unit-commerce", "unit-commerce")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("unit"))
                .andExpect(jsonPath("$.figures.counts.assigned").value(3));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/units").param("minSample", "1")
                        .with(httpBasic("unit-commerce", "unit-commerce")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked[*].unitId", contains("commerce")))
                .andExpect(jsonPath("$.belowMinimumSample", hasSize(0)));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/categories")
                        .with(httpBasic("unit-commerce", "unit-commerce")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/units").param("sortBy", "replyRate")
                        .param("minSample", "1").with(httpBasic("reader", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked[*].unitId", contains("commerce", "education")))
                .andExpect(jsonPath("$.ranked[1].wilson.lower", closeTo(0.0945, 1e-4), Double.class))
                .andExpect(jsonPath("$.belowMinimumSample[*].unitId", contains("transport")));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/units").param("sortBy", "nope")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/categories").with(httpBasic("reader", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].key", contains("AGRICULTURE", "ECONOMY")))
                .andExpect(jsonPath("$.rows[0].counts.assigned").value(2))
                .andExpect(jsonPath("$.rows[1].counts.assigned").value(3));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/deputies").with(httpBasic("reader", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].key", contains("gao-li", "li-ming", "zhu-heping")))
                .andExpect(jsonPath("$.rows[2].counts.assigned").value(3));
        // a deputy sees their own figures only
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/deputies").with(httpBasic("deputy-zhu", "deputy-zhu")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].key", contains("zhu-heping")));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S).with(httpBasic("deputy-zhu", "deputy-zhu")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("deputy"))
                .andExpect(jsonPath("$.figures.counts.replied").value(2));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/units").with(httpBasic("deputy-zhu", "deputy-zhu")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dashboards/sessions/" + S + "/series").param("from", "2022-04-08")
                        .param("to", "2022-04-10").with(httpBasic("reader", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days", hasSize(3)))
                .andExpect(jsonPath("$.days[0].figures.counts.replied").value(0))
                .andExpect(jsonPath("$.days[1].figures.counts.replied").value(1));
        mvc.perform(get("/api/v1/dashboards/sessions/" + S).param("asOf", "yesterday")
                        .with(httpBasic("reader", "reader")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/dashboards/sessions/" + S))
                .andExpect(status().isUnauthorized());
    }
}
