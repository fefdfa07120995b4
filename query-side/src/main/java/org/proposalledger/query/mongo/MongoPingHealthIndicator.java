package org.proposalledger.query.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Boot's Mongo health check sends {@code hello}, which the embedded server (mongo-java-server)
 * does not know, so it would always report DOWN; {@code ping} is understood by it and by
 * MongoDB alike, so this one serves both the embedded and a configured MongoDB. DOWN (and with it
 * readiness) while the server cannot be reached.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate template;
    private final EmbeddedMongo embedded;

    /** {@code embedded} is null for a configured MongoDB. */
    MongoPingHealthIndicator(MongoTemplate template, EmbeddedMongo embedded) {
        super("MongoDB health check failed");
        this.template = template;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = template.executeCommand(new Document("ping", 1));
        builder.up().withDetail("embedded", embedded != null).withDetail("ok", result.get("ok"));
        if (embedded != null) {
            builder.withDetail("port", embedded.port());
        }
    }
}
