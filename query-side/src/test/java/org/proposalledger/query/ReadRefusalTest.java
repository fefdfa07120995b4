package org.proposalledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.error.ReadRefusedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.web.Queries;
import org.proposalledger.query.audit.AuditQueries;
import org.proposalledger.query.supervision.SupervisionQueries;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A read the asker may not see is refused by the query handler, so HTTP and query-bus callers get
 * the same rule: over HTTP a 403 problem naming it, on the bus a {@link ReadRefusedException}.
 */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadRefusalTest {

    static final Path DIR = TestDataDir.create(ReadRefusalTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Queries queries;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode problem(String path, String user, int status) throws Exception {
        MvcResult r = mvc.perform(get(path).with(httpBasic(user, user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(status);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void overHttpARefusedReadIsA403NamingItsRule() throws Exception {
        assertThat(problem("/api/v1/units/education/todo", "unit-commerce", 403).get("rule").asText())
                .isEqualTo("own-unit-only");
        assertThat(problem("/api/v1/supervision/overdue?sessionId=s1", "unit-commerce", 403).get("rule").asText())
                .isEqualTo("supervisors-only");
        assertThat(problem("/api/v1/events", "unit-commerce", 403).get("rule").asText()).isEqualTo("readers-only");
        assertThat(problem("/api/v1/dashboards/sessions/s1/units", "deputy-zhu", 403).get("rule").asText())
                .isEqualTo("own-figures-only");
        assertThat(problem("/api/v1/units/commerce/todo", "unit-commerce", 200).get("unitId").asText())
                .isEqualTo("commerce");
    }

    @Test
    void onTheQueryBusTheSameRuleRefusesTheSameRead() {
        Actor commerce = Actor.unit("unit-commerce", "commerce");
        assertThatThrownBy(() -> queries.askAs(commerce, new SupervisionQueries.GetUnitTodo("education"),
                ResponseTypes.instanceOf(SupervisionQueries.TodoList.class)))
                .isInstanceOfSatisfying(ReadRefusedException.class, e -> assertThat(e.rule()).isEqualTo("own-unit-only"));
        assertThatThrownBy(() -> queries.askAs(commerce, new AuditQueries.ReadEventFeed(null, 10, null, null),
                ResponseTypes.instanceOf(org.proposalledger.query.audit.FeedPage.class)))
                .isInstanceOfSatisfying(ReadRefusedException.class, e -> assertThat(e.rule()).isEqualTo("readers-only"));
        assertThat(queries.askAs(Actor.office("office"), new SupervisionQueries.GetUnitTodo("education"),
                ResponseTypes.instanceOf(SupervisionQueries.TodoList.class)).unitId()).isEqualTo("education");
    }
}
