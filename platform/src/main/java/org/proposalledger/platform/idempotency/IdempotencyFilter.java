package org.proposalledger.platform.idempotency;

import org.proposalledger.platform.web.Problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Idempotency-Key} on every POST and PUT under {@code /api/}: the first request with a
 * key is executed, its answer stored; a retry with the same key and the same request (method,
 * path and query, body bytes) gets that answer again (status, body, {@code Location}, content
 * type, plus {@code Idempotent-Replayed: true}) and executes nothing; the same key on another
 * request is 422; a retry while the first still runs waits up to {@code in-use-wait} for its
 * answer, else 409 {@code idempotency-key-in-use}. Keys belong to the signed-in user, so this
 * runs after Spring Security.
 * <p>
 * Atomicity: the request runs in one database transaction, begun here, which Axon's units of
 * work join (Spring transaction manager, propagation REQUIRED). The key's row is inserted at the
 * start and gets its answer at the end, so the command's events, the deadline rows written with
 * them and the stored answer commit together, before the answer leaves: a crash before that
 * commit leaves neither events nor key (a retry executes afresh), one after it leaves both (a
 * retry replays). A refusal (4xx) changes nothing; it is rolled back and its answer recorded on
 * its own. A 5xx, a lost append race (409 {@code concurrent-modification}) and 408/425/429 are
 * not kept: a retry executes again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final int ATTEMPTS = 3;
    /** Answers that say "try again", whatever the body. */
    private static final Set<Integer> TRANSIENT = Set.of(408, 425, 429);
    private static final String LOST_RACE = "concurrent-modification";

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final Clock clock;
    private final IdempotencyProperties properties;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions, Clock clock,
                             IdempotencyProperties properties, ObjectMapper mapper, long maxBodyBytes) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method)) || !path(request).startsWith("/api/")
                || request.getHeader(IdempotencyKey.HEADER) == null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key;
        try {
            key = IdempotencyKey.parse(request.getHeaders(IdempotencyKey.HEADER));
        } catch (IdempotencyKey.Malformed e) {
            problem(request, response, HttpStatus.BAD_REQUEST, e.getMessage(), "invalid-idempotency-key");
            return;
        }
        Actor actor = signedIn();
        if (actor == null) {
            chain.doFilter(request, response); // refused further on; there is no user to keep a key for
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            // a body sent without Content-Length, which RequestSizeFilter cannot see in advance
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body exceeds " + maxBodyBytes + " bytes.",
                    "request-too-large");
            return;
        }
        IdempotentRequest keyed = IdempotentRequest.of(actor.user(), key, request.getMethod(), path(request),
                request.getQueryString(), body);
        try {
            handle(keyed, new BodyRequest(request, body), response, chain);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Idempotency keys unreachable for {} {}: {}", keyed.method(), keyed.path(), e.toString());
            if (!response.isCommitted()) {
                response.reset();
                unavailable(request, response);
            }
        }
    }

    private void handle(IdempotentRequest keyed, HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws IOException, ServletException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            Optional<IdempotencyStore.Stored> found = store.find(keyed.scope(), keyed.key());
            if (found.isPresent() && found.get().expiresAt() > now) {
                IdempotencyStore.Stored stored = found.get();
                if (!stored.fingerprint().equals(keyed.fingerprint())) {
                    problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for"
                                    + " another request (" + stored.method() + " " + stored.path() + ", or another body):"
                                    + " a key names one request, retried unchanged. Use a new key for a new request.",
                            "idempotency-key-reused");
                } else if (stored.answer() != null) {
                    replay(stored.answer(), response);
                } else {
                    inUse(request, response); // rows are committed with their answer; not expected
                }
                return;
            }
            TransactionStatus tx = transactions.getTransaction(definition(keyed));
            boolean claimed;
            try {
                if (found.isPresent()) {
                    store.forgetExpired(keyed.scope(), keyed.key(), now);
                }
                claimed = store.claim(keyed, now, now + properties.getRetention().toMillis());
            } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
                // PostgreSQL's lock_timeout, H2's lock timeout (which Spring reports as a query timeout)
                rollbackQuietly(tx);
                inUse(request, response); // the other request is still running after in-use-wait
                return;
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                throw e;
            }
            if (claimed) {
                execute(keyed, tx, request, response, chain);
                return;
            }
            rollbackQuietly(tx); // another request with this key committed first: answer with its answer
        }
        inUse(request, response);
    }

    private static TransactionDefinition definition(IdempotentRequest keyed) {
        // a transaction of its own, which the command's units of work then join
        DefaultTransactionDefinition d = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        d.setName("Idempotency-Key " + keyed.method() + " " + keyed.path());
        return d;
    }

    private void execute(IdempotentRequest keyed, TransactionStatus tx, HttpServletRequest request,
                         HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        // holds the body back: nothing reaches the client before the transaction has committed
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException | RuntimeException e) {
            rollbackQuietly(tx);
            throw e;
        }
        StoredAnswer answer = new StoredAnswer(buffered.getStatus(), buffered.getContentType(),
                buffered.getHeader(HttpHeaders.LOCATION), buffered.getContentAsByteArray());
        if (answer.successful()) {
            try {
                long now = clock.millis();
                store.complete(keyed, answer, now, now + properties.getRetention().toMillis());
                transactions.commit(tx);
            } catch (RuntimeException e) {
                rollbackQuietly(tx);
                log.warn("{} {} was executed but not committed; answered 5xx instead: {}", keyed.method(),
                        keyed.path(), e.toString());
                buffered.reset();
                if (e instanceof DataAccessException || e instanceof TransactionException) {
                    unavailable(request, response);
                } else {
                    problem(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.",
                            "internal-error");
                }
                return;
            }
        } else {
            rollbackQuietly(tx);
            if (kept(answer)) {
                recordRefusal(keyed, answer);
            }
        }
        buffered.copyBodyToResponse();
    }

    private boolean kept(StoredAnswer answer) {
        return kept(answer.status(), answer.status() == HttpStatus.CONFLICT.value() ? rule(answer.body()) : null);
    }

    /** Refusals are answers too, replayed like successes; what says "try again" is not kept. */
    static boolean kept(int status, String rule) {
        if (status < 400 || status >= 500 || TRANSIENT.contains(status)) {
            return false;
        }
        return status != HttpStatus.CONFLICT.value() || !LOST_RACE.equals(rule);
    }

    private String rule(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? null : node.path("rule").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void recordRefusal(IdempotentRequest keyed, StoredAnswer answer) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            long now = clock.millis();
            own.executeWithoutResult(s -> store.record(keyed, answer, now, now + properties.getRetention().toMillis()));
        } catch (RuntimeException e) {
            // a retry then executes again: the refusal stored nothing, so nothing is doubled
            log.info("Refusal of {} {} not recorded for its Idempotency-Key: {}", keyed.method(), keyed.path(), e.toString());
        }
    }

    private void rollbackQuietly(TransactionStatus tx) {
        if (tx.isCompleted()) {
            return;
        }
        try {
            transactions.rollback(tx);
        } catch (RuntimeException e) {
            log.warn("Rollback failed: {}", e.toString());
        }
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void inUse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed."
                + " Retry it unchanged after Retry-After seconds to get its answer.", "idempotency-key-in-use");
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlation = MDC.get(Actor.CORRELATION_ID);
        if (correlation != null) {
            response.setHeader(CorrelationIdFilter.HEADER, correlation); // reset() dropped it
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "The event store cannot be reached; nothing was"
                + " stored. Retry with the same Idempotency-Key.", "event-store-unavailable");
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                         String rule) throws IOException {
        ProblemDetail pd = Problems.of(status, detail, rule);
        pd.setInstance(URI.create(path(request)));
        Problems.write(response, mapper, pd);
    }

    private static Actor signedIn() {
        try {
            return CurrentActor.get();
        } catch (AuthenticationException e) {
            return null;
        }
    }

    /** The request with its body already read (for the fingerprint), readable once more by the controller. */
    static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
