package org.proposalledger.query.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.FindProposal;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalPage;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.support.Events;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.ProjectionProgress;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.assignedIn;
import static org.proposalledger.query.support.Events.registeredIn;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The query HTTP API and the query bus, over read models projected from real events. */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalQueryApiTest {

    private static final Category[] FILED = Category.filed();

    static final Path DIR = TestDataDir.create(ProposalQueryApiTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    /** What the list tests filter on, per generated proposal. */
    record Spec(String id, String session, String lead, String coUnit, boolean replied, Category category,
                String proposer) {
        boolean involves(String unit) {
            return unit.equals(lead) || unit.equals(coUnit);
        }
    }

    private static final String[] UNITS = {"commerce", "education", "transport", "finance"};

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    QueryGateway queryGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;

    private final List<Spec> specs = new ArrayList<>();

    @BeforeAll
    void publish() {
        EventLog log = new EventLog(eventStore);
        Actor office = Actor.office("office");
        List<DomainEventMessage<?>> all = new ArrayList<>();
        // the visibility cases
        add(all, log, submitted("vis-commerce-lead", Events.SESSION, Category.ECONOMY, "zhu-heping"),
                registered("vis-commerce-lead", "1"), assigned("vis-commerce-lead", "commerce"),
                consulted("vis-commerce-lead", "commerce"), replied("vis-commerce-lead", "commerce", 1));
        add(all, log, submitted("vis-commerce-co", Events.SESSION, Category.ECONOMY, "gao-li"),
                registered("vis-commerce-co", "2"), assigned("vis-commerce-co", "education", "commerce"));
        add(all, log, submitted("vis-education", Events.SESSION, Category.ECONOMY, "gao-li"),
                registered("vis-education", "3"), assigned("vis-education", "education"));
        add(all, log, submitted("vis-zhu-submitted", Events.SESSION, Category.ECONOMY, "zhu-heping", "gao-li"));
        // 60 more for paging and filters
        for (int i = 0; i < 60; i++) {
            String id = String.format("pg-%03d", i);
            String session = i % 3 == 0 ? "s-2023" : "s-2022";
            String lead = UNITS[i % 4];
            String co = i % 5 == 0 && !lead.equals("commerce") ? "commerce" : null;
            boolean replied = i % 2 == 0;
            // the categories deputies file (NOT_STATED is for imports), spread so every filter finds some
            Category category = FILED[i % FILED.length];
            String proposer = i % 6 == 0 ? "zhu-heping" : "gao-li";
            specs.add(new Spec(id, session, lead, co, replied, category, proposer));
            List<ProposalEvent> events = new ArrayList<>(List.of(submitted(id, session, category, proposer),
                    registeredIn(session, id, "" + i),
                    co == null ? assignedIn(session, id, lead) : assignedIn(session, id, lead, co)));
            if (replied) {
                events.add(replied(id, lead, 1));
            }
            add(all, log, events.toArray(ProposalEvent[]::new));
        }
        log.publish(all);
        new ProjectionProgress(processing, eventStore, tokenStore).awaitCaughtUp();
    }

    private static void add(List<DomainEventMessage<?>> all, EventLog log, ProposalEvent... events) {
        for (ProposalEvent e : events) {
            all.add(log.message("Proposal", e.proposalId().value(), e, Actor.office("office"),
                    "c-" + e.proposalId().value()));
        }
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, user)));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    // --- one proposal -------------------------------------------------------------------------

    @Test
    void aProposalIsAnsweredWithItsCurrentState() throws Exception {
        as("office", get("/api/v1/proposals/vis-commerce-lead"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value("vis-commerce-lead"))
                .andExpect(jsonPath("$.sessionId").value(Events.SESSION))
                .andExpect(jsonPath("$.number").value("1"))
                .andExpect(jsonPath("$.title").value("关于vis-commerce-lead的建议"))
                .andExpect(jsonPath("$.proposers[0]").value("zhu-heping"))
                .andExpect(jsonPath("$.category").value("ECONOMY"))
                .andExpect(jsonPath("$.status").value("REPLIED"))
                .andExpect(jsonPath("$.key").value(false))
                .andExpect(jsonPath("$.leadUnitId").value("commerce"))
                .andExpect(jsonPath("$.coUnitIds").isEmpty())
                .andExpect(jsonPath("$.dueOn").value("2022-06-10"))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.consultations[0].mode").value("IN_PERSON"))
                .andExpect(jsonPath("$.replies[0].classification").value("B"))
                .andExpect(jsonPath("$.ratings").isEmpty())
                .andExpect(jsonPath("$.version").value(4));
    }

    @Test
    void anUnknownProposalIsANotFoundProblem() throws Exception {
        as("office", get("/api/v1/proposals/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("not-found"));
    }

    @Test
    void aMalformedIdIsABadRequest() throws Exception {
        as("office", get("/api/v1/proposals/" + "x".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        as("office", get("/api/v1/proposals/bad id"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        as("office", get("/api/v1/proposals/" + "x".repeat(64)))
                .andExpect(status().isNotFound());
    }

    @Test
    void signingInIsRequired() throws Exception {
        mvc.perform(get("/api/v1/proposals/vis-commerce-lead")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/proposals")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/proposals/vis-commerce-lead").with(httpBasic("office", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aUnitSeesOnlyProposalsItLeadsOrCoHandles() throws Exception {
        as("unit-commerce", get("/api/v1/proposals/vis-commerce-lead")).andExpect(status().isOk());
        as("unit-commerce", get("/api/v1/proposals/vis-commerce-co")).andExpect(status().isOk());
        as("unit-commerce", get("/api/v1/proposals/vis-education"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No such proposal: vis-education"));
        as("unit-commerce", get("/api/v1/proposals/vis-zhu-submitted")).andExpect(status().isNotFound());
    }

    @Test
    void aDeputySeesOnlyTheirOwnProposals() throws Exception {
        as("deputy-zhu", get("/api/v1/proposals/vis-commerce-lead")).andExpect(status().isOk());
        as("deputy-zhu", get("/api/v1/proposals/vis-zhu-submitted")).andExpect(status().isOk());
        as("deputy-zhu", get("/api/v1/proposals/vis-commerce-co")).andExpect(status().isNotFound());
    }

    @Test
    void officeAndReaderSeeEverything() throws Exception {
        for (String user : List.of("office", "reader")) {
            as(user, get("/api/v1/proposals/vis-education")).andExpect(status().isOk());
            as(user, get("/api/v1/proposals/vis-zhu-submitted")).andExpect(status().isOk());
        }
    }

    // --- history ------------------------------------------------------------------------------

    @Test
    void theHistoryListsEveryEventInOrder() throws Exception {
        as("office", get("/api/v1/proposals/vis-commerce-lead/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposalId").value("vis-commerce-lead"))
                .andExpect(jsonPath("$.entries.length()").value(5))
                .andExpect(jsonPath("$.entries[0].sequence").value(0))
                .andExpect(jsonPath("$.entries[0].type").value("ProposalSubmitted"))
                .andExpect(jsonPath("$.entries[0].occurredAt").isString())
                .andExpect(jsonPath("$.entries[0].actor.user").value("office"))
                .andExpect(jsonPath("$.entries[0].actor.role").value("OFFICE"))
                .andExpect(jsonPath("$.entries[0].correlationId").value("c-vis-commerce-lead"))
                .andExpect(jsonPath("$.entries[0].payload.proposalId").value("vis-commerce-lead"))
                .andExpect(jsonPath("$.entries[0].payload.proposerIds[0]").value("zhu-heping"))
                .andExpect(jsonPath("$.entries[4].type").value("ProposalReplied"))
                .andExpect(jsonPath("$.entries[4].payload.unitId").value("commerce"));
    }

    @Test
    void theHistoryIsVisibleExactlyWhenTheProposalIs() throws Exception {
        as("office", get("/api/v1/proposals/no-such-thing/history")).andExpect(status().isNotFound());
        as("unit-commerce", get("/api/v1/proposals/vis-commerce-co/history")).andExpect(status().isOk());
        as("unit-commerce", get("/api/v1/proposals/vis-education/history")).andExpect(status().isNotFound());
        as("deputy-zhu", get("/api/v1/proposals/vis-education/history")).andExpect(status().isNotFound());
        as("office", get("/api/v1/proposals/bad id/history")).andExpect(status().isBadRequest());
    }

    // --- lists --------------------------------------------------------------------------------

    /** Follows nextCursor to the end; checks page sizes on the way. */
    private List<String> allPages(String user, String query, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = "/api/v1/proposals?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = body(as(user, get(url)).andExpect(status().isOk()));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            if (cursor != null) {
                assertThat(page.get("items").size()).isEqualTo(limit);
            }
            assertThat(++pages).isLessThan(100);
        } while (cursor != null);
        return ids;
    }

    private List<String> expected(Predicate<Spec> filter) {
        return specs.stream().filter(filter).map(Spec::id).sorted().toList();
    }

    @Test
    void pagesFollowTheCursorInIdOrderWithFilters() throws Exception {
        List<String> ids = allPages("office", "sessionId=s-2022&unitId=commerce", 4);

        List<String> want = expected(s -> s.session().equals("s-2022") && s.involves("commerce"));
        assertThat(want).hasSizeGreaterThan(8); // several pages
        assertThat(ids).isEqualTo(want);
    }

    @Test
    void statusCategoryAndDeputyFiltersCombine() throws Exception {
        assertThat(allPages("office", "status=REPLIED&category=AGRICULTURE", 2))
                .isEqualTo(expected(s -> s.replied() && s.category() == Category.AGRICULTURE))
                .isNotEmpty();
        assertThat(allPages("office", "deputyId=zhu-heping&sessionId=s-2023", 3))
                .isEqualTo(expected(s -> s.proposer().equals("zhu-heping") && s.session().equals("s-2023")))
                .isNotEmpty();
        assertThat(allPages("office", "status=ASSIGNED&unitId=commerce&sessionId=s-2022", 5))
                .isEqualTo(expected(s -> !s.replied() && s.involves("commerce") && s.session().equals("s-2022")))
                .isNotEmpty();
    }

    @Test
    void theDefaultPageHasFiftyItems() throws Exception {
        JsonNode first = body(as("office", get("/api/v1/proposals")).andExpect(status().isOk()));
        assertThat(first.get("items").size()).isEqualTo(50);
        assertThat(first.get("nextCursor").asText()).isNotBlank();

        JsonNode second = body(as("office", get("/api/v1/proposals?cursor=" + first.get("nextCursor").asText())));
        assertThat(second.get("items").size()).isEqualTo(64 - 50);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.get("items").get(0).get("id").asText())
                .isGreaterThan(first.get("items").get(49).get("id").asText());
    }

    @Test
    void aUnitListsOnlyItsOwnProposalsWhateverItAsksFor() throws Exception {
        List<String> ids = allPages("unit-commerce", "unitId=education", 10);

        List<String> want = new ArrayList<>(expected(s -> s.involves("commerce")));
        want.addAll(List.of("vis-commerce-co", "vis-commerce-lead"));
        assertThat(ids).containsExactlyElementsOf(want.stream().sorted().toList());
    }

    @Test
    void aDeputyListsOnlyTheirOwnProposals() throws Exception {
        List<String> ids = allPages("deputy-zhu", "deputyId=gao-li", 10);

        List<String> want = new ArrayList<>(expected(s -> s.proposer().equals("zhu-heping")));
        want.addAll(List.of("vis-commerce-lead", "vis-zhu-submitted"));
        assertThat(ids).containsExactlyElementsOf(want.stream().sorted().toList());
    }

    @Test
    void limitsOutsideOneToFiveHundredAreRejected() throws Exception {
        for (String limit : List.of("0", "501", "-1", "abc")) {
            as("office", get("/api/v1/proposals?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("limit")));
        }
        as("office", get("/api/v1/proposals?limit=500")).andExpect(status().isOk());
        as("office", get("/api/v1/proposals?limit=1")).andExpect(status().isOk());
    }

    @Test
    void unknownStatusOrCategoryValuesAreRejected() throws Exception {
        as("office", get("/api/v1/proposals?status=DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        as("office", get("/api/v1/proposals?category=SPORTS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        as("office", get("/api/v1/proposals?sessionId=a b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sessionId"));
    }

    @Test
    void aCursorThisApiDidNotIssueIsRejected() throws Exception {
        for (String cursor : List.of("%21%21%21", PageCursor.encode("a b"), "x".repeat(129))) {
            as("office", get("/api/v1/proposals?cursor=" + cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        }
    }

    // --- sorted lists -------------------------------------------------------------------------

    @Autowired
    ProposalStore store;

    /**
     * The order a sort must give, worked out here from every stored proposal: its sort key,
     * missing keys first, ties by id; descending is the exact reverse.
     */
    private List<String> expectedOrder(String sort, Predicate<ProposalView> filter) {
        boolean desc = sort.startsWith("-");
        String field = desc ? sort.substring(1) : sort;
        List<ProposalView> views = store.collection().find().map(store::fromDocument).into(new ArrayList<>());
        java.util.function.Function<ProposalView, String> key = "id".equals(field) ? ProposalView::id
                : v -> (String) ProposalOrder.keysOf(v).get(field);
        List<String> ids = views.stream().filter(filter)
                .sorted(java.util.Comparator.comparing(key, java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(ProposalView::id))
                .map(ProposalView::id).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (desc) {
            java.util.Collections.reverse(ids);
        }
        return ids;
    }

    @Test
    void pagingThroughASortedListGivesEveryProposalOnceInOrder() throws Exception {
        for (String field : ListProposals.SORT_FIELDS) {
            for (String sort : List.of(field, "-" + field)) {
                List<String> ids = allPages("office", "sort=" + sort, 7);
                assertThat(ids).as(sort).doesNotHaveDuplicates().hasSize(64)
                        .isEqualTo(expectedOrder(sort, v -> true));
            }
        }
    }

    @Test
    void sortsCombineWithFiltersVisibilityAndTextSearch() throws Exception {
        assertThat(allPages("office", "sessionId=s-2022&sort=-number", 3))
                .isEqualTo(expectedOrder("-number", v -> v.sessionId().equals("s-2022"))).hasSizeGreaterThan(6);
        assertThat(allPages("office", "status=ASSIGNED&sort=dueOn", 4))
                .isEqualTo(expectedOrder("dueOn", v -> v.status().equals("ASSIGNED"))).hasSizeGreaterThan(4);
        assertThat(allPages("unit-commerce", "sort=-status", 2))
                .isEqualTo(expectedOrder("-status", v -> "commerce".equals(v.leadUnitId())
                        || v.coUnitIds().contains("commerce"))).hasSizeGreaterThan(4);
        // every generated title is 关于<id>的建议: the text search keeps all, read on page by page
        assertThat(allPages("office", "q=建议&sort=-submittedAt", 9)).isEqualTo(expectedOrder("-submittedAt", v -> true));
    }

    @Test
    void numbersSortByTheirDigits() throws Exception {
        // registered as "0".."59" in pg-000..pg-059: numeric order, not 0, 1, 10, 11, ...
        List<String> ids = allPages("office", "sessionId=s-2023&sort=number", 50);
        List<String> pg = ids.stream().filter(i -> i.startsWith("pg-")).toList();
        assertThat(pg).isSorted().hasSizeGreaterThan(10);
    }

    @Test
    void anUnknownSortOrACursorOfAnotherSortIsABadRequest() throws Exception {
        as("office", get("/api/v1/proposals?sort=title"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        String cursor = body(as("office", get("/api/v1/proposals?sort=number&limit=5"))).get("nextCursor").asText();
        as("office", get("/api/v1/proposals?sort=-number&cursor=" + cursor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        as("office", get("/api/v1/proposals?cursor=" + cursor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        as("office", get("/api/v1/proposals?sort=number&cursor=" + cursor)).andExpect(status().isOk());
    }

    @Test
    void theBusTakesTheSortToo() {
        ProposalPage page = queryGateway.query(new ListProposals("s-2023", null, null, null, null, 500, null, null,
                "-dueOn"), ResponseTypes.instanceOf(ProposalPage.class)).join();
        assertThat(page.items()).extracting(ProposalView::id)
                .containsExactlyElementsOf(expectedOrder("-dueOn", v -> v.sessionId().equals("s-2023")));
    }

    // --- the query bus ------------------------------------------------------------------------

    @Test
    void downstreamAppsAskOverTheQueryBus() {
        ProposalView view = queryGateway.query(new FindProposal("vis-education"),
                ResponseTypes.instanceOf(ProposalView.class)).join();
        assertThat(view.leadUnitId()).isEqualTo("education");

        ProposalPage page = queryGateway.query(new ListProposals("s-2023", null, "REPLIED", null, null, 500, null),
                ResponseTypes.instanceOf(ProposalPage.class)).join();
        assertThat(page.items()).extracting(ProposalView::id)
                .containsExactlyElementsOf(expected(s -> s.session().equals("s-2023") && s.replied()));
        assertThat(page.nextCursor()).isNull();

        ProposalHistory history = queryGateway.query(new GetProposalHistory("vis-education"),
                ResponseTypes.instanceOf(ProposalHistory.class)).join();
        assertThat(history.entries()).hasSize(3);

        assertThat(queryGateway.query(new FindProposal("no-such-thing"),
                ResponseTypes.instanceOf(ProposalView.class)).join()).isNull();
    }

    @Test
    void anActorOnABusQueryGetsTheSameVisibilityAsOverHttp() {
        MetaData unit = MetaData.from(Actor.unit("unit-commerce", "commerce").toMetaData());

        assertThat(queryGateway.query(new GenericMessage<>(new FindProposal("vis-education"), unit),
                ResponseTypes.instanceOf(ProposalView.class)).join()).isNull();
        assertThat(queryGateway.query(new GenericMessage<>(new FindProposal("vis-commerce-co"), unit),
                ResponseTypes.instanceOf(ProposalView.class)).join()).isNotNull();
    }
}
