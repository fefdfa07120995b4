package org.proposalledger.platform.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage becomes a 503 problem naming the store; anything else is left to the other resolvers. */
class StoreUnavailableHandlingTest {

    final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    final StoreUnavailableHandling handling = new StoreUnavailableHandling(
            StoreOutages.withPlatformClassifiers(List.of()), () -> Duration.ofSeconds(7), mapper);

    JsonNode answer(Exception failure, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/proposals/p-1/registration");
        assertThat(handling.resolveException(request, response, null, failure)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return mapper.readTree(response.getContentAsByteArray());
    }

    @Test
    void theEventStoreOutOfReach() throws Exception {
        Exception failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                        new ConnectException("Connection refused")));
        JsonNode body = answer(failure, new MockHttpServletResponse());
        assertThat(body.get("rule").asText()).isEqualTo("event-store-unavailable");
        assertThat(body.get("type").asText()).isEqualTo("urn:proposal-ledger:problem:event-store-unavailable");
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/proposals/p-1/registration");
        assertThat(body.get("detail").asText()).startsWith("The event store cannot be reached");
        assertThat(body.toString()).doesNotContain("Connection refused", "Hikari", "at org.");
    }

    @Test
    void axonServerOutOfReach() throws Exception {
        Exception failure = ErrorCode.QUERY_DISPATCH_ERROR.convert(new StatusRuntimeException(Status.UNAVAILABLE));
        assertThat(answer(failure, new MockHttpServletResponse()).get("rule").asText())
                .isEqualTo("message-server-unavailable");
    }

    @Test
    void anythingElseIsLeftAlone() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(handling.resolveException(new MockHttpServletRequest(), response, null,
                new IllegalStateException("a bug"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }
}
