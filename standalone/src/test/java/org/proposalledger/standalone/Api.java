package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * A plain HTTP client for the running ledger, as a script or another system would call it (public:
 * the tools module's end-to-end tests use it too).
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    /** The Authorization header for a caller's name (null: send none). */
    private final Function<String, String> authorization;

    /** Demo accounts over HTTP Basic: the password equals the user name. */
    public Api(int port) {
        this(port, user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    public Api(int port, Function<String, String> authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body, null);
    }

    public Response put(String user, String path, Object body) {
        return send(user, "PUT", path, body, null);
    }

    /** A raw body with the given content type (the import takes text/plain). */
    public Response postBytes(String user, String path, byte[] body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", contentType);
            auth(b, user);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String user, String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            auth(b, user);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public void auth(HttpRequest.Builder b, String user) {
        String header = user == null ? null : authorization.apply(user);
        if (header != null) {
            b.header("Authorization", header);
        }
    }

    public Response send(String user, String method, String path, Object body, String correlationId) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            if (text != null) {
                b.header("Content-Type", "application/json");
            }
            auth(b, user);
            if (correlationId != null) {
                b.header("X-Correlation-Id", correlationId);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
