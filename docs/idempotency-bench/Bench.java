// Benchmark client for docs/idempotency.md ("Cost"): java docs/idempotency-bench/Bench.java PORT N
import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

/** Sequential POST /api/v1/proposals, alternating blocks with and without Idempotency-Key; then retries of keyed ones. */
public class Bench {
    static HttpClient http = HttpClient.newHttpClient();
    static String base;
    static String auth(String u) { return "Basic " + Base64.getEncoder().encodeToString((u + ":" + u).getBytes()); }
    static HttpResponse<String> send(String method, String user, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth(user))
            .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) b.header("Idempotency-Key", "\"" + key + "\"");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
    public static void main(String[] a) throws Exception {
        base = "http://127.0.0.1:" + a[0];
        int n = Integer.parseInt(a[1]);
        send("PUT", "office", "/api/v1/sessions/s1", null, "{\"name\":\"会议\",\"opensOn\":\"2026-01-04\"}");
        send("PUT", "office", "/api/v1/deputies/d1", null, "{\"name\":\"朱和平\"}");
        String body = "{\"sessionId\":\"s1\",\"title\":\"关于测试的建议\",\"proposerIds\":[\"d1\"],\"andOthers\":false,\"category\":\"ECONOMY\",\"background\":\"背景\",\"suggestions\":[\"一是\"]}";
        for (int i = 0; i < 300; i++) { send("POST", "deputy", "/api/v1/proposals", i % 2 == 0 ? null : UUID.randomUUID().toString(), body); } // warm-up
        List<Long> plain = new ArrayList<>(), keyed = new ArrayList<>(), replay = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int block = 0; block < 10; block++) {
            for (int i = 0; i < n / 10; i++) { long t = System.nanoTime(); check(send("POST", "deputy", "/api/v1/proposals", null, body), 201); plain.add(System.nanoTime() - t); }
            for (int i = 0; i < n / 10; i++) { String k = UUID.randomUUID().toString(); keys.add(k); long t = System.nanoTime(); check(send("POST", "deputy", "/api/v1/proposals", k, body), 201); keyed.add(System.nanoTime() - t); }
        }
        for (String k : keys) { long t = System.nanoTime(); HttpResponse<String> r = send("POST", "deputy", "/api/v1/proposals", k, body); check(r, 201); if (r.headers().firstValue("Idempotent-Replayed").isEmpty()) throw new AssertionError("not replayed"); replay.add(System.nanoTime() - t); }
        print("without key", plain); print("with a new key", keyed); print("retry (replayed)", replay);
    }
    static void check(HttpResponse<String> r, int s) { if (r.statusCode() != s) throw new AssertionError(r.statusCode() + " " + r.body()); }
    static void print(String what, List<Long> ns) {
        List<Long> s = new ArrayList<>(ns); Collections.sort(s);
        System.out.printf("%-18s n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms%n", what, s.size(), s.get(s.size() / 2) / 1e6,
            s.get((int) (s.size() * 0.9)) / 1e6, s.get((int) (s.size() * 0.99)) / 1e6, s.stream().mapToLong(x -> x).average().orElse(0) / 1e6);
    }
}
