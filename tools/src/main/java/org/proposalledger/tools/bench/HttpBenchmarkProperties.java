package org.proposalledger.tools.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.benchmark.http.*}: the request-path benchmark ({@link HttpBenchmark}).
 *
 * @param seconds       measured seconds of each pass; set, the benchmark runs and the process exits
 * @param warmUpSeconds seconds of load before each pass's measured window
 * @param clients       concurrent HTTP clients (and JDBC threads of the raw pass)
 * @param read          whether the read pass follows the write pass (on the proposals it made)
 * @param session       the congress session the lifecycles are submitted to
 */
@ConfigurationProperties("ledger.benchmark.http")
public record HttpBenchmarkProperties(Integer seconds, Integer warmUpSeconds, Integer clients, Boolean read,
                                      String session) {

    public HttpBenchmarkProperties {
        warmUpSeconds = warmUpSeconds == null ? 10 : warmUpSeconds;
        clients = clients == null ? 16 : clients;
        read = read == null || read;
        session = session == null ? "bench-http" : session;
    }
}
