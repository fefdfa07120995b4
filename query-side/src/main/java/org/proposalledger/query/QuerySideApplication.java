package org.proposalledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side as its own process ({@code query-side/target/proposal-ledger-query-side.jar}):
 * the projections reading the event store, the read models in MongoDB, and the query HTTP API.
 * Several of these may share one event store and one MongoDB: they split the processors'
 * segments between them through the token claims in MongoDB.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class)
                // the command sides keep the transparency log and sign it; a query side reads and verifies it
                .properties("spring.application.name=proposal-ledger-query-side", "ledger.transparency.keeper=false")
                .run(args);
    }
}
