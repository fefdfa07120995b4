package org.proposalledger.tools.bench.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw rate a projection is judged against: the events in a range of global positions read
 * from Axon's event table with plain JDBC (every column a projection needs, payload bytes
 * included), and for each one a document holding them written with the MongoDB driver in
 * unordered bulk inserts of 1,000 into a scratch collection of the same read-model database —
 * no deserialization, no folding, no reads. Events per second of the whole pass.
 */
public final class RawRate {

    static final String SCRATCH = "benchmark_raw";
    private static final int BULK = 1000;

    private RawRate() {
    }

    /** Events/s for positions in (from, to]. */
    public static double measure(DataSource dataSource, MongoTemplate mongo, long from, long to) throws SQLException {
        mongo.dropCollection(SCRATCH);
        MongoCollection<Document> scratch = mongo.getCollection(SCRATCH);
        long count = 0;
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement st = c.prepareStatement("SELECT globalIndex, eventIdentifier, aggregateIdentifier,"
                    + " sequenceNumber, payloadType, payloadRevision, payload, metaData, timeStamp"
                    + " FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex")) {
                st.setFetchSize(BULK);
                st.setLong(1, from);
                st.setLong(2, to);
                List<Document> docs = new ArrayList<>(BULK);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        docs.add(new Document("_id", rs.getString(2))
                                .append("position", rs.getLong(1))
                                .append("aggregate", rs.getString(3))
                                .append("sequence", rs.getLong(4))
                                .append("type", rs.getString(5))
                                .append("revision", rs.getString(6))
                                .append("payload", new Binary(rs.getBytes(7)))
                                .append("metaData", new Binary(rs.getBytes(8)))
                                .append("timestamp", rs.getString(9)));
                        if (docs.size() == BULK) {
                            scratch.insertMany(docs, new InsertManyOptions().ordered(false));
                            count += docs.size();
                            docs = new ArrayList<>(BULK);
                        }
                    }
                }
                if (!docs.isEmpty()) {
                    scratch.insertMany(docs, new InsertManyOptions().ordered(false));
                    count += docs.size();
                }
            }
            c.commit();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        mongo.dropCollection(SCRATCH);
        return count / seconds;
    }
}
