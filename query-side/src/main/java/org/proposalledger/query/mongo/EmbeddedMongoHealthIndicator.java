package org.proposalledger.query.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Boot's Mongo health check sends {@code hello}, which the embedded server does not know, so
 * it would always report DOWN; {@code ping} is understood by both it and MongoDB.
 */
class EmbeddedMongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate template;
    private final EmbeddedMongo server;

    EmbeddedMongoHealthIndicator(MongoTemplate template, EmbeddedMongo server) {
        super("MongoDB health check failed");
        this.template = template;
        this.server = server;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = template.executeCommand(new Document("ping", 1));
        builder.up().withDetail("embedded", true).withDetail("port", server.port())
                .withDetail("ok", result.get("ok"));
    }
}
