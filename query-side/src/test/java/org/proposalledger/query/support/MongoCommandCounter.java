package org.proposalledger.query.support;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts write commands per collection as they go over the wire. */
@Component
public class MongoCommandCounter implements MongoClientSettingsBuilderCustomizer, CommandListener {

    private final Map<String, AtomicLong> updates = new ConcurrentHashMap<>();

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        builder.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if ("update".equals(event.getCommandName())) {
            BsonValue collection = event.getCommand().get("update");
            updates.computeIfAbsent(collection.asString().getValue(), c -> new AtomicLong()).incrementAndGet();
        }
    }

    public long updateCommands(String collection) {
        AtomicLong n = updates.get(collection);
        return n == null ? 0 : n.get();
    }
}
