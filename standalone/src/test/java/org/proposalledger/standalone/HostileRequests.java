package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates hostile HTTP requests against the ledger's endpoints, each one from {@code (seed,
 * index)} alone, so any request of a run can be made again. A request starts from a valid one
 * for its endpoint (path, query, body, the user who may take the step) and gets hostile traits:
 * a mutated body, bad ids or escapes in the path, hostile query values, a wrong method, content
 * type or Accept, bad credentials, broken headers or framing, or a broken request line. Some stay
 * clean, so accepted requests are mixed in and the check that refused ones stored nothing can fail.
 */
final class HostileRequests {

    /** One endpoint as its controller maps it; {@code body} says what it reads. */
    record Endpoint(String method, String pattern, Body body) {
        String key() {
            return method + " " + pattern;
        }
    }

    enum Body { NONE, JSON, TEXT }

    /** A generated request and what it was made of. */
    record Hostile(long seed, int index, Endpoint endpoint, String state, String user, String correlationId,
                   byte[] bytes, boolean head, boolean mayGoUnanswered, List<String> traits) {
        String describe() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return "seed " + seed + " #" + index + " " + endpoint.key() + " state=" + state + " user=" + user
                    + " traits=" + traits + "\n" + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text);
        }
    }

    static final List<String> STATES = List.of("SUBMITTED", "REGISTERED", "REJECTED", "ASSIGNED", "RETURNED",
            "REPLIED", "RATED", "REHANDLING", "CLOSED", "WITHDRAWN");

    static final List<String> USERS = List.of("office", "supervisor", "reader", "unit-commerce", "unit-education",
            "deputy-zhu", "deputy-gao");

    private static final Set<String> HEAVY = Set.of("/api/v1/reports/sessions/{sessionId}/proposals.xlsx",
            "/api/v1/reports/sessions/{sessionId}/units.xlsx", "/api/v1/reports/sessions/{id}/key-proposals.docx",
            "/v3/api-docs", "/v3/api-docs.yaml", "/actuator/prometheus", "/api/v1/admin/verification");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Strings a client may put anywhere: in ids, query values and JSON text. */
    private static final List<String> NASTY = List.of("", " ", "\t", "0", "-1", "1e309", "NaN", "null", "true",
            "[]", "{}", "..", ".", "../../etc/passwd", "a".repeat(65), "a".repeat(3000), "中文标识", "😀",
            "\u202Eevil", "\u0000", "\u0001\u001f", "<script>alert(1)</script>", "' OR '1'='1", "{\"$gt\":\"\"}",
            "$where", "a.b", "a;b", "x".repeat(70_000), "\uFEFF", "\\", "\"", "%", "%00", "%zz", "%E4%B8%AD",
            "%FF%FE", "+", "&", "=", "#", "?", "/", "~");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "CONNECT", "PROPFIND", "MKCOL", "LOCK", "COPY", "MOVE", "FOO", "get", "Post", "BREW", "M-SEARCH");

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml",
            "application/json; charset=GBK", "application/json; charset=bogus", "application/json; charset=",
            "application/", "/", ";;", "multipart/form-data", "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded", "application/json, text/plain", "APPLICATION/JSON",
            "application/merge-patch+json", "application/problem+json", "application/" + "x".repeat(300),
            "application/json; a=\"unterminated", "text/plain; charset=UTF-8", "application/json;charset=UTF-16",
            "image/png", "*/*", "application/octet-stream");

    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "*/*",
            "application/json;q=0", "garbage", ";;;", "text/csv", "image/png", "application/problem+json",
            "text/event-stream", "application/json, text/html;q=0.9", "*/*;q=abc", "text/" + "h".repeat(500),
            "application/json;charset=GBK", "application/*", "");

    private final int port;
    /** The proposal currently standing in a lifecycle state. */
    private final Function<String, String> proposalIn;
    private final List<Endpoint> endpoints;
    private final String today;
    private final String inFourMonths;

    HostileRequests(int port, List<Endpoint> endpoints, Function<String, String> proposalIn) {
        this.port = port;
        this.endpoints = endpoints;
        this.proposalIn = proposalIn;
        LocalDate now = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        this.today = now.toString();
        this.inFourMonths = now.plusMonths(4).toString();
    }

    static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Hostile build(long seed, int index) {
        Random r = new Random(mix(seed, index));
        Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
        if (HEAVY.contains(e.pattern()) && r.nextInt(4) != 0) {
            // documents that take 50-200 ms to make: a quarter of their share is plenty
            e = endpoints.get(r.nextInt(endpoints.size()));
        }
        List<String> traits = new ArrayList<>();
        String correlationId = "fz-" + Long.toHexString(seed) + "-" + index;

        // --- path, with the proposal of a lifecycle state where the endpoint takes one
        String[] state = {"-"};
        String path = fill(e.pattern(), r, traits, state);

        // --- query
        String query = query(e, r, traits);

        // --- user
        String user = user(e, r);
        if ("/api/v1/admin/rebuild".equals(e.pattern()) && "office".equals(user)) {
            // an accepted rebuild answers every read-model request 503 until it is over, by design
            user = "supervisor";
        }

        // --- body
        byte[] body = new byte[0];
        String contentType = null;
        if (e.body() == Body.JSON) {
            contentType = "application/json";
            body = jsonBody(e, r, traits);
        } else if (e.body() == Body.TEXT) {
            contentType = "text/plain; charset=UTF-8";
            body = reportBody(r, traits);
        } else if (r.nextInt(20) == 0) {
            contentType = "application/json";
            body = "{\"unexpected\":\"body\"}".getBytes(StandardCharsets.UTF_8);
            traits.add("body-on-bodyless");
        }
        if (contentType != null && r.nextInt(8) == 0) {
            contentType = pick(r, CONTENT_TYPES);
            traits.add("content-type:" + clip(contentType));
        }

        // --- method
        String method = e.method();
        if (r.nextInt(7) == 0) {
            method = pick(r, METHODS);
            traits.add("method:" + method);
        }

        // --- path mutations
        if (r.nextInt(9) == 0) {
            path = mutatePath(path, r, traits);
        }

        List<String[]> headers = new ArrayList<>();
        headers.add(new String[]{"Host", "127.0.0.1:" + port});
        headers.add(new String[]{"Connection", "close"});
        headers.add(new String[]{"X-Correlation-Id", correlationId});
        String authorization = authorization(user);
        if (authorization != null) {
            headers.add(new String[]{"Authorization", authorization});
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.add(new String[]{"Content-Type", contentType});
        }
        if (r.nextInt(3) == 0) {
            String accept = pick(r, ACCEPTS);
            headers.add(new String[]{"Accept", accept});
            traits.add("accept:" + clip(accept));
        }

        // --- framing of the body
        boolean chunked = body.length > 0 && r.nextInt(10) == 0;
        if (chunked) {
            headers.add(new String[]{"Transfer-Encoding", "chunked"});
            traits.add("chunked");
        } else if (body.length > 0 || "POST".equals(method) || "PUT".equals(method)) {
            headers.add(new String[]{"Content-Length", String.valueOf(body.length)});
        }

        boolean mayGoUnanswered = false;
        byte[] bytes;
        if (r.nextInt(10) == 0) {
            mayGoUnanswered = mutateHeaders(headers, r, traits);
        }
        String target = path + query;
        if (r.nextInt(14) == 0) {
            RawRequest raw = brokenRequest(method, target, headers, body, r, traits);
            bytes = raw.bytes;
            mayGoUnanswered |= raw.mayGoUnanswered;
        } else {
            bytes = assemble(method + " " + target + " HTTP/1.1", headers, body, chunked);
        }
        if (traits.isEmpty()) {
            traits.add("clean");
        }
        return new Hostile(seed, index, e, state[0], user, correlationId, bytes, "HEAD".equals(method),
                mayGoUnanswered, traits);
    }

    // ------------------------------------------------------------------ path

    private String fill(String pattern, Random r, List<String> traits, String[] state) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = pattern.substring(0, m.start());
            String value;
            if (before.equals("/api/v1/proposals/")) {
                int roll = r.nextInt(100);
                if (roll < 84) {
                    state[0] = pick(r, STATES);
                    value = proposalIn.apply(state[0]);
                } else if (roll < 92) {
                    value = "no-such-" + Integer.toHexString(r.nextInt());
                    traits.add("unknown-proposal");
                } else {
                    value = hostileSegment(r, traits);
                }
            } else if (before.endsWith("/units/")) {
                value = oneOf(r, traits, "commerce", "education", "xiaoyi", "unit-" + r.nextInt(1000));
            } else if (before.endsWith("/deputies/")) {
                value = oneOf(r, traits, "zhu-heping", "gao-yonghong", "deputy-" + r.nextInt(1000));
            } else if (name.toLowerCase(Locale.ROOT).contains("session") || before.endsWith("/sessions/")) {
                value = oneOf(r, traits, LedgerTestSupport.SESSION, LedgerTestSupport.SESSION, "gen-" + r.nextInt(1000));
            } else {
                value = oneOf(r, traits, "x", "default", "springdocDefault");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String oneOf(Random r, List<String> traits, String... valid) {
        if (r.nextInt(8) == 0) {
            return hostileSegment(r, traits);
        }
        return valid[r.nextInt(valid.length)];
    }

    private static String hostileSegment(Random r, List<String> traits) {
        String s = pick(r, NASTY);
        traits.add("hostile-id");
        return r.nextBoolean() ? s : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String mutatePath(String path, Random r, List<String> traits) {
        String[] kinds = {"trailing-slash", "double-slash", "dot-segment", "dotdot", "encoded-dotdot",
                "matrix-param", "session-param", "encoded-slash", "encoded-backslash", "raw-backslash",
                "encoded-nul", "bad-escape", "lone-percent", "upper-case", "raw-space", "fragment", "no-prefix",
                "other-version", "long-path", "raw-utf8", "encoded-percent", "empty-query", "unicode-escape"};
        String kind = kinds[r.nextInt(kinds.length)];
        traits.add("path:" + kind);
        int cut = path.lastIndexOf('/');
        String head = path.substring(0, Math.max(cut, 0));
        String tail = path.substring(Math.max(cut, 0));
        return switch (kind) {
            case "trailing-slash" -> path + "/";
            case "double-slash" -> head + "/" + tail;
            case "dot-segment" -> head + "/." + tail;
            case "dotdot" -> head + "/x/.." + tail;
            case "encoded-dotdot" -> head + "/%2e%2e" + tail;
            case "matrix-param" -> path + ";a=b";
            case "session-param" -> path + ";jsessionid=0123456789";
            case "encoded-slash" -> head + "%2F" + tail.substring(1);
            case "encoded-backslash" -> head + "%5C" + tail.substring(1);
            case "raw-backslash" -> head + "\\" + tail.substring(1);
            case "encoded-nul" -> path + "%00";
            case "bad-escape" -> path + "%zz";
            case "lone-percent" -> path + "%";
            case "upper-case" -> path.toUpperCase(Locale.ROOT);
            case "raw-space" -> head + "/a b" + tail;
            case "fragment" -> path + "#frag";
            case "no-prefix" -> path.replace("/api/v1", "");
            case "other-version" -> path.replace("/api/v1", "/api/v2");
            case "long-path" -> path + "/" + "p".repeat(9000);
            case "raw-utf8" -> head + "/中文" + tail;
            case "encoded-percent" -> path + "%25";
            case "empty-query" -> path + "?";
            default -> path + "%u0041";
        };
    }

    // ------------------------------------------------------------------ query

    private static final Map<String, List<String>> PARAMS = Map.ofEntries(
            Map.entry("/api/v1/proposals", List.of("sessionId", "unitId", "status", "category", "deputyId", "q",
                    "sort", "limit", "cursor")),
            Map.entry("/api/v1/proposals/{id}/history", List.of("from", "to")),
            Map.entry("/api/v1/proposals/{id}/state", List.of("asOf", "sequence")),
            Map.entry("/api/v1/events", List.of("after", "limit", "type", "sessionId")),
            Map.entry("/api/v1/dashboards/sessions/{sessionId}", List.of("asOf")),
            Map.entry("/api/v1/dashboards/sessions/{sessionId}/units", List.of("sortBy", "minSample", "asOf")),
            Map.entry("/api/v1/dashboards/sessions/{sessionId}/categories", List.of("asOf")),
            Map.entry("/api/v1/dashboards/sessions/{sessionId}/deputies", List.of("asOf")),
            Map.entry("/api/v1/dashboards/sessions/{sessionId}/series", List.of("unitId", "from", "to")),
            Map.entry("/api/v1/supervision/key-proposals", List.of("sessionId")),
            Map.entry("/api/v1/supervision/overdue", List.of("sessionId")),
            Map.entry("/api/v1/reports/sessions/{sessionId}/units.csv", List.of("sortBy", "minSample")),
            Map.entry("/api/v1/reports/sessions/{sessionId}/units.xlsx", List.of("sortBy", "minSample")),
            Map.entry("/api/v1/imports", List.of("sessionId")));

    private String query(Endpoint e, Random r, List<String> traits) {
        List<String> names = PARAMS.getOrDefault(e.pattern(), List.of());
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            // parameters the endpoint needs are nearly always there (9 in 10), the others one time in 3
            boolean required = e.pattern().endsWith("/series") && (name.equals("from") || name.equals("to"))
                    || e.pattern().startsWith("/api/v1/supervision/");
            boolean present = required ? r.nextInt(10) != 0 : r.nextInt(3) == 0;
            if (!present) {
                continue;
            }
            String value;
            if (r.nextInt(4) == 0) {
                String s = pick(r, NASTY);
                value = r.nextBoolean() ? s : URLEncoder.encode(s, StandardCharsets.UTF_8);
                traits.add("query:" + name);
            } else {
                value = URLEncoder.encode(validParam(name, r), StandardCharsets.UTF_8);
            }
            parts.add(name + "=" + value);
        }
        if (r.nextInt(12) == 0) {
            String[] junk = {"a[$ne]=1", "sessionId[$gt]=", "limit=1&limit=2", "=x", "&&&", "x", "%zz=1",
                    "q=" + "建".repeat(2000), "unknown=" + "u".repeat(100), "status=closed", "sort=-", "__proto__=1"};
            parts.add(junk[r.nextInt(junk.length)]);
            traits.add("query-junk");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private String validParam(String name, Random r) {
        return switch (name) {
            case "sessionId" -> LedgerTestSupport.SESSION;
            case "unitId" -> r.nextBoolean() ? "commerce" : "education";
            case "deputyId" -> "zhu-heping";
            case "status" -> pick(r, List.of("SUBMITTED", "ASSIGNED", "REPLIED", "CLOSED", "REHANDLING"));
            case "category" -> pick(r, List.of("ECONOMY", "EDUCATION", "NOT_STATED"));
            case "q" -> pick(r, List.of("电商", "物流体系", "rural"));
            case "sort" -> pick(r, List.of("submittedAt", "-updatedAt", "number", "status", "-dueOn", "id"));
            case "limit" -> String.valueOf(1 + r.nextInt(100));
            case "sortBy" -> pick(r, List.of("replyRate", "onTimeReplyRate", "consultationRate", "satisfactionRate"));
            case "minSample" -> String.valueOf(r.nextInt(10));
            case "asOf", "to" -> today;
            case "from" -> "2022-01-05";
            case "sequence" -> String.valueOf(r.nextInt(6));
            case "type" -> "ProposalSubmitted";
            default -> "";
        };
    }

    // ------------------------------------------------------------------ users

    /** Who may take the step; a hostile request often comes from them, so that only its other traits are wrong. */
    private static String naturalUser(Endpoint e) {
        String p = e.pattern();
        if (p.equals("/api/v1/proposals") && e.method().equals("POST")) {
            return "deputy-zhu";
        }
        if (p.endsWith("/assignment-return") || p.endsWith("/consultations") || p.endsWith("/replies")
                || p.endsWith("/follow-ups")) {
            return "unit-commerce";
        }
        if (p.endsWith("/co-opinions")) {
            return "unit-education";
        }
        if (p.endsWith("/ratings") || p.endsWith("/withdrawal")) {
            return "deputy-zhu";
        }
        return "office";
    }

    private static String user(Endpoint e, Random r) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            return naturalUser(e);
        }
        if (roll < 75) {
            return pick(r, USERS);
        }
        String[] bad = {"anonymous", "anonymous", "wrong-password", "wrong-password", "basic-garbage",
                "basic-no-colon", "basic-empty", "bearer", "basic-non-ascii", "scheme-only", "digest",
                "basic-empty-password", "basic-latin1"};
        if (roll == 99 && r.nextInt(4) == 0) {
            // rare: an unknown name costs a full-strength BCrypt check (Spring's timing-attack guard)
            return "unknown-user";
        }
        return bad[r.nextInt(bad.length)];
    }

    private static String authorization(String user) {
        return switch (user) {
            case "anonymous" -> null;
            case "wrong-password" -> basic("office:not-the-password");
            case "unknown-user" -> basic("nobody:nobody");
            case "basic-garbage" -> "Basic !!!not*base64!!!";
            case "basic-no-colon" -> basic("office");
            case "basic-empty" -> "Basic ";
            case "bearer" -> "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvZmZpY2UifQ.c2lnbmF0dXJl";
            case "basic-non-ascii" -> basic("office:密码");
            case "scheme-only" -> "Basic";
            case "digest" -> "Digest username=\"office\", realm=\"x\", nonce=\"y\", response=\"z\"";
            case "basic-empty-password" -> basic("office:");
            case "basic-latin1" -> "Basic " + Base64.getEncoder().encodeToString(
                    "office:caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
            default -> basic(user + ":" + user);
        };
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ bodies

    private ObjectNode validBody(Endpoint e) {
        String p = e.pattern();
        ObjectNode b = NODES.objectNode();
        if (p.equals("/api/v1/proposals")) {
            b.put("sessionId", LedgerTestSupport.SESSION).put("title", "关于加强社区养老服务的建议");
            b.putArray("proposerIds").add("zhu-heping").add("gao-yonghong");
            b.put("andOthers", false).put("category", "SOCIAL").put("background", "我市老龄化程度加深。");
            b.putArray("suggestions").add("一是增加社区养老服务站点。").add("二是培养专业护理人员。");
        } else if (p.endsWith("/registration")) {
            b.put("number", "第" + (1000 + Math.abs(p.hashCode() % 9000)) + "号");
        } else if (p.endsWith("/rejection") || p.endsWith("/assignment-return") || p.endsWith("/withdrawal")) {
            b.put("reason", "不属于本单位职责范围。");
        } else if (p.endsWith("/key-designation")) {
            b.put("supervisingLeader", "李副市长");
        } else if (p.endsWith("/assignment")) {
            b.put("leadUnitId", "commerce");
            b.putArray("coUnitIds").add("education");
        } else if (p.endsWith("/reassignment")) {
            b.put("leadUnitId", "commerce");
            b.putArray("coUnitIds");
        } else if (p.endsWith("/deadline-extension")) {
            b.put("newDueOn", inFourMonths).put("approvedBy", "王主任");
        } else if (p.endsWith("/co-opinions") || p.endsWith("/follow-ups")) {
            b.put("text", "同意主办单位意见。");
        } else if (p.endsWith("/consultations")) {
            b.put("heldOn", today).put("mode", "PHONE").put("notes", "电话沟通。");
            b.putArray("participants").add("朱和平");
        } else if (p.endsWith("/replies")) {
            b.put("classification", "B").put("text", "正在推进。").put("signedBy", "王局长");
        } else if (p.endsWith("/ratings")) {
            b.put("rating", "BASICALLY_SATISFIED").put("comment", "基本满意");
        } else if (p.endsWith("/rehandling")) {
            b.put("reason", "重新办理。");
        } else if (p.endsWith("/closure")) {
            b.put("decision", "办结。");
        } else if (p.endsWith("/deadline-rules")) {
            b.put("replyMonths", 3).put("extensionLimitMonths", 6).put("returnWorkingDays", 7)
                    .put("coOpinionMonths", 1).put("rehandlingMonths", 1).put("reminderWorkingDays", 5);
        } else if (p.startsWith("/api/v1/sessions/")) {
            b.put("name", "吕梁市第五届人民代表大会第二次会议").put("opensOn", "2022-01-05");
        } else if (p.startsWith("/api/v1/units/")) {
            b.put("name", "市商务局").put("kind", "DEPARTMENT");
        } else if (p.startsWith("/api/v1/deputies/")) {
            b.put("name", "朱和平").put("delegation", "离石区代表团");
        } else {
            throw new IllegalStateException("No valid body known for " + e.key()
                    + ": add one to HostileRequests.validBody so the fuzz test covers it");
        }
        return b;
    }

    /** Fails when a JSON endpoint has no known valid body (a new endpoint must be added here). */
    void checkBodies() {
        endpoints.stream().filter(e -> e.body() == Body.JSON).forEach(this::validBody);
    }

    private byte[] jsonBody(Endpoint e, Random r, List<String> traits) {
        ObjectNode body = validBody(e);
        if (r.nextInt(5) == 0) {
            return utf8(body.toString());
        }
        String field = randomField(body, r);
        int kind = r.nextInt(17);
        switch (kind) {
            case 0 -> {
                traits.add("duplicate-key:" + field);
                String text = body.toString();
                return utf8("{\"" + field + "\":" + anyValue(r) + "," + text.substring(1));
            }
            case 1 -> {
                body.remove(field);
                traits.add("missing:" + field);
            }
            case 2 -> {
                body.putNull(field);
                traits.add("null:" + field);
            }
            case 3 -> {
                body.set(field, wrongType(body.get(field), r));
                traits.add("wrong-type:" + field);
            }
            case 4 -> {
                body.put(field, pick(r, List.of("UNKNOWN", "economy", "", "a_b", "NOT_STATED ", "1")));
                traits.add("bad-value:" + field);
            }
            case 5 -> {
                body.put(field, pick(r, List.of("2022-02-30", "yesterday", "+999999999-12-31", "-999999999-01-01",
                        "2022-1-5", "", "9999-12-31", "0000-01-01", "2022-01-05T10:00:00Z", "1970-01-01")));
                traits.add("bad-date:" + field);
            }
            case 6 -> {
                int n = pick(r, List.of(51, 101, 201, 20_001, 50_001, 200_000));
                body.put(field, "建".repeat(n));
                traits.add("long-string:" + field + ":" + n);
            }
            case 7 -> {
                traits.add("nasty-string:" + field);
                String text = body.toString();
                String escaped = pick(r, List.of("\\ud800", "\\udfff\\ud800", "\\u0000", "\\u202e", "\\ufffe",
                        "\\u0085\\u2028\\u2029", "\\\\", "\\/", "\\ud83d\\ude00"));
                return utf8(text.replaceFirst("\"" + Pattern.quote(field) + "\":\"",
                        Matcher.quoteReplacement("\"" + field + "\":\"" + escaped)));
            }
            case 8 -> {
                body.put(field, pick(r, NASTY));
                traits.add("nasty-text:" + field);
            }
            case 9 -> {
                body.put("$where", "1").put("@class", "java.lang.Runtime").put("__proto__", "x").put("id", "p-1");
                body.putObject("nested").putObject("deeper").put("x", 1);
                traits.add("extra-fields");
            }
            case 10 -> {
                ArrayNode array = body.putArray(field);
                int n = pick(r, List.of(51, 101, 5_000));
                for (int i = 0; i < n; i++) {
                    array.add("项" + i);
                }
                traits.add("big-array:" + field + ":" + n);
            }
            case 11 -> {
                traits.add("number-edge:" + field);
                String number = pick(r, List.of("1e309", "-1", "2147483648", "0", "1.5", "999999999",
                        "-2147483649", "1e2", "0x10", "00012"));
                String text = body.toString();
                String value = body.get(field) == null || body.get(field).isContainerNode() ? "\"\""
                        : body.get(field).toString();
                return utf8(text.replaceFirst(Pattern.quote("\"" + field + "\":" + value),
                        Matcher.quoteReplacement("\"" + field + "\":" + number)));
            }
            case 12 -> {
                traits.add("wrong-root");
                return utf8(pick(r, List.of("[]", "\"text\"", "123", "null", "true", "[" + body + "]")));
            }
            case 13 -> {
                return syntax(body.toString(), r, traits);
            }
            case 14 -> {
                traits.add("huge-body");
                return utf8("{\"" + field + "\":\"" + "大".repeat(400_000) + "\"}");
            }
            case 15 -> {
                traits.add("encoding");
                return pick(r, List.of(body.toString().getBytes(Charset.forName("GBK")),
                        body.toString().getBytes(StandardCharsets.UTF_16),
                        new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, '{', '}'},
                        ("{\"" + field + "\":\"\u00ff\u00fe\"}").getBytes(StandardCharsets.ISO_8859_1)));
            }
            default -> {
                traits.add("form-body");
                return utf8(field + "=x&other=y");
            }
        }
        return utf8(body.toString());
    }

    private static byte[] syntax(String valid, Random r, List<String> traits) {
        String[] kinds = {"truncated", "trailing-comma", "single-quotes", "comment", "unquoted-key", "nan",
                "trailing-garbage", "two-objects", "bom", "empty", "blank", "deep-nesting", "raw-control",
                "deep-object", "unterminated-string", "just-brace"};
        String kind = kinds[r.nextInt(kinds.length)];
        traits.add("syntax:" + kind);
        return switch (kind) {
            case "truncated" -> utf8(valid.substring(0, valid.length() / 2));
            case "trailing-comma" -> utf8(valid.substring(0, valid.length() - 1) + ",}");
            case "single-quotes" -> utf8(valid.replace('"', '\''));
            case "comment" -> utf8("/* c */" + valid);
            case "unquoted-key" -> utf8(valid.replaceFirst("\"([A-Za-z]+)\":", "$1:"));
            case "nan" -> utf8(valid.substring(0, valid.length() - 1) + ",\"x\":NaN}");
            case "trailing-garbage" -> utf8(valid + " garbage");
            case "two-objects" -> utf8(valid + valid);
            case "bom" -> utf8("\uFEFF" + valid);
            case "empty" -> new byte[0];
            case "blank" -> utf8("   \n\t ");
            case "deep-nesting" -> utf8("[".repeat(5000) + "]".repeat(5000));
            case "raw-control" -> utf8(valid.replaceFirst(":\"", ":\"\u0001\n\t"));
            case "deep-object" -> utf8("{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
            case "unterminated-string" -> utf8("{\"reason\":\"never ends");
            default -> utf8("{");
        };
    }

    private static String randomField(ObjectNode body, Random r) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.get(r.nextInt(names.size()));
    }

    private static JsonNode wrongType(JsonNode was, Random r) {
        List<JsonNode> options = new ArrayList<>(List.of(NODES.numberNode(42), NODES.booleanNode(true),
                NODES.arrayNode().add("x"), NODES.objectNode().put("x", 1), NODES.textNode("text"),
                NODES.numberNode(1.5), NODES.arrayNode()));
        options.removeIf(o -> was != null && o.getNodeType() == was.getNodeType());
        return options.get(r.nextInt(options.size()));
    }

    private static String anyValue(Random r) {
        return pick(r, List.of("\"a\"", "1", "null", "[]", "{}", "\"第一\"", "true"));
    }

    private byte[] reportBody(Random r, List<String> traits) {
        String report = """
                丁市五届人大二次会议重点建议及办理情况

                前言

                会议期间，市政府共收到代表建议1件。

                关于改善农村道路的建议

                建议者：邓甲

                建议:硬化通村道路。

                办理情况

                已完成12公里道路硬化。

                丁市交通运输局
                """;
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0, 1 -> utf8(report);
            case 2 -> {
                traits.add("report:empty");
                yield new byte[0];
            }
            case 3 -> {
                traits.add("report:gbk");
                yield report.getBytes(Charset.forName("GBK"));
            }
            case 4 -> {
                traits.add("report:binary");
                byte[] b = new byte[512];
                r.nextBytes(b);
                yield b;
            }
            case 5 -> {
                traits.add("report:truncated");
                yield utf8(report.substring(0, report.indexOf("办理情况")));
            }
            case 6 -> {
                traits.add("report:nul");
                yield utf8(report.replace("建议:", "建议:\u0000\u0001"));
            }
            case 7 -> {
                traits.add("report:huge");
                yield utf8(report + "建".repeat(400_000));
            }
            case 8 -> {
                traits.add("report:json");
                yield utf8("{\"report\":\"x\"}");
            }
            default -> {
                traits.add("report:no-unit");
                yield utf8(report.substring(0, report.lastIndexOf("丁市交通运输局")));
            }
        };
    }

    // ------------------------------------------------------------------ headers and framing

    /** Returns true when the broken request may legitimately get no answer at all. */
    private boolean mutateHeaders(List<String[]> headers, Random r, List<String> traits) {
        String[] kinds = {"oversized", "too-many", "control-char", "obs-fold", "no-colon", "space-in-name",
                "empty-name", "non-ascii", "no-host", "two-hosts", "foreign-host", "bad-host", "bad-length",
                "negative-length", "two-lengths", "length-and-chunked", "te-gzip", "te-unknown", "te-twice",
                "expect-unknown", "expect-continue", "range", "bad-range", "cors-preflight", "origin",
                "method-override", "many-cookies", "bad-cookie", "h2c-upgrade", "websocket-upgrade",
                "content-encoding", "accept-charset", "accept-language", "forwarded", "long-correlation"};
        String kind = kinds[r.nextInt(kinds.length)];
        traits.add("header:" + kind);
        switch (kind) {
            case "oversized" -> headers.add(new String[]{"X-Padding", "p".repeat(9000)});
            case "too-many" -> {
                for (int i = 0; i < 120; i++) {
                    headers.add(new String[]{"X-Many-" + i, "v"});
                }
            }
            case "control-char" -> headers.add(new String[]{"X-Control", "a\u0001b\u007f"});
            case "obs-fold" -> headers.add(new String[]{"X-Folded", "first\r\n  continued"});
            case "no-colon" -> headers.add(new String[]{"NoColonHere", null});
            case "space-in-name" -> headers.add(new String[]{"Bad Header", "x"});
            case "empty-name" -> headers.add(new String[]{"", "x"});
            case "non-ascii" -> headers.add(new String[]{"X-Name", "\u00e4\u00b8\u00ad\u00e6\u0096\u0087"});
            case "no-host" -> headers.removeIf(h -> h[0].equals("Host"));
            case "two-hosts" -> headers.add(new String[]{"Host", "other.example"});
            case "foreign-host" -> headers.get(0)[1] = "evil.example:443";
            case "bad-host" -> headers.get(0)[1] = "a b_c:99999";
            case "bad-length" -> replace(headers, "Content-Length", "abc");
            case "negative-length" -> replace(headers, "Content-Length", "-5");
            case "two-lengths" -> {
                headers.add(new String[]{"Content-Length", "1"});
                headers.add(new String[]{"Content-Length", "2"});
            }
            case "length-and-chunked" -> {
                headers.add(new String[]{"Content-Length", "3"});
                headers.add(new String[]{"Transfer-Encoding", "chunked"});
            }
            case "te-gzip" -> headers.add(new String[]{"Transfer-Encoding", "gzip"});
            case "te-unknown" -> headers.add(new String[]{"Transfer-Encoding", "foo"});
            case "te-twice" -> headers.add(new String[]{"Transfer-Encoding", "chunked, chunked"});
            case "expect-unknown" -> headers.add(new String[]{"Expect", "the-unexpected"});
            case "expect-continue" -> headers.add(new String[]{"Expect", "100-continue"});
            case "range" -> headers.add(new String[]{"Range", "bytes=0-10"});
            case "bad-range" -> headers.add(new String[]{"Range", "bytes=z-"});
            case "cors-preflight" -> {
                headers.add(new String[]{"Origin", "http://evil.example"});
                headers.add(new String[]{"Access-Control-Request-Method", "DELETE"});
            }
            case "origin" -> headers.add(new String[]{"Origin", "null"});
            case "method-override" -> headers.add(new String[]{"X-HTTP-Method-Override", "DELETE"});
            case "many-cookies" -> headers.add(new String[]{"Cookie", "c=1; ".repeat(400)});
            case "bad-cookie" -> headers.add(new String[]{"Cookie", "JSESSIONID=\"unterminated; $Version=x; =="});
            case "h2c-upgrade" -> {
                replace(headers, "Connection", "Upgrade, HTTP2-Settings");
                headers.add(new String[]{"Upgrade", "h2c"});
                headers.add(new String[]{"HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA"});
            }
            case "websocket-upgrade" -> {
                replace(headers, "Connection", "Upgrade");
                headers.add(new String[]{"Upgrade", "websocket"});
                headers.add(new String[]{"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="});
                headers.add(new String[]{"Sec-WebSocket-Version", "13"});
            }
            case "content-encoding" -> headers.add(new String[]{"Content-Encoding", "gzip"});
            case "accept-charset" -> headers.add(new String[]{"Accept-Charset", "bogus, *;q=0"});
            case "accept-language" -> headers.add(new String[]{"Accept-Language", "zz-ZZ;q=abc, *;q=-1"});
            case "forwarded" -> headers.add(new String[]{"X-Forwarded-For", "not-an-ip, ::::"});
            default -> headers.add(new String[]{"X-Correlation-Id-Extra", "c".repeat(200)});
        }
        return false;
    }

    private static void replace(List<String[]> headers, String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        headers.add(new String[]{name, value});
    }

    private record RawRequest(byte[] bytes, boolean mayGoUnanswered) {
    }

    private RawRequest brokenRequest(String method, String target, List<String[]> headers, byte[] body, Random r,
                                     List<String> traits) {
        String[] kinds = {"http-1.2", "http-2.0", "http-0.9", "extra-token", "lower-version", "tabs",
                "absolute-form", "asterisk", "asterisk-options", "no-slash", "lf-only", "leading-crlf",
                "nul-in-method", "binary", "tls-hello", "long-line", "truncated", "no-end-of-headers",
                "pipelined", "bad-chunk-size", "chunk-without-end", "chunk-extension", "chunk-trailer",
                "http-1.0", "empty", "space-before-method", "lowercase-method"};
        String kind = kinds[r.nextInt(kinds.length)];
        traits.add("raw:" + kind);
        String line = method + " " + target + " HTTP/1.1";
        return switch (kind) {
            case "http-1.2" -> answered(assemble(method + " " + target + " HTTP/1.2", headers, body, false));
            case "http-2.0" -> answered(assemble(method + " " + target + " HTTP/2.0", headers, body, false));
            // HTTP/0.9 has no status line: a redirect or an empty answer is a closed connection
            case "http-0.9" -> new RawRequest(utf8(method + " " + target + "\r\n"), true);
            case "extra-token" -> answered(assemble(line + " extra", headers, body, false));
            case "lower-version" -> answered(assemble(method + " " + target + " http/1.1", headers, body, false));
            case "tabs" -> answered(assemble(method + "\t" + target + "\tHTTP/1.1", headers, body, false));
            case "absolute-form" -> answered(assemble(method + " http://127.0.0.1:" + port + target + " HTTP/1.1",
                    headers, body, false));
            case "asterisk" -> answered(assemble(method + " * HTTP/1.1", headers, body, false));
            case "asterisk-options" -> answered(assemble("OPTIONS * HTTP/1.1", headers, body, false));
            case "no-slash" -> answered(assemble(method + " " + target.replaceFirst("^/", "") + " HTTP/1.1",
                    headers, body, false));
            case "lf-only" -> answered(new String(assemble(line, headers, body, false), StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
            case "leading-crlf" -> answered(concat(utf8("\r\n\r\n"), assemble(line, headers, body, false)));
            case "nul-in-method" -> answered(assemble("G\u0000ET " + target + " HTTP/1.1", headers, body, false));
            case "binary" -> {
                byte[] junk = new byte[300];
                r.nextBytes(junk);
                yield new RawRequest(concat(junk, utf8("\r\n\r\n")), true);
            }
            case "tls-hello" -> new RawRequest(new byte[]{0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00,
                    (byte) 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a}, true);
            case "long-line" -> answered(assemble(method + " " + target + "?pad=" + "q".repeat(10_000)
                    + " HTTP/1.1", headers, body, false));
            case "truncated" -> {
                byte[] whole = assemble(line, headers, body, false);
                yield new RawRequest(java.util.Arrays.copyOf(whole, Math.max(1, whole.length / 3)), true);
            }
            case "no-end-of-headers" -> {
                String whole = new String(assemble(line, headers, new byte[0], false), StandardCharsets.ISO_8859_1);
                yield new RawRequest(whole.substring(0, whole.length() - 2).getBytes(StandardCharsets.ISO_8859_1),
                        true);
            }
            case "pipelined" -> answered(concat(assemble(line, headers, body, false),
                    assemble("GET /api/v1/calendar HTTP/1.1", headers, new byte[0], false)));
            case "bad-chunk-size" -> answered(concat(headerBlock(line, chunkedHeaders(headers)),
                    utf8("zz\r\nabc\r\n0\r\n\r\n")));
            case "chunk-without-end" -> answered(concat(headerBlock(line, chunkedHeaders(headers)),
                    utf8(Integer.toHexString(Math.max(body.length, 1)) + "\r\n"), body.length > 0 ? body : utf8("{")));
            case "chunk-extension" -> answered(concat(headerBlock(line, chunkedHeaders(headers)),
                    utf8(Integer.toHexString(body.length) + ";ext=\"" + "e".repeat(100) + "\"\r\n"), body,
                    utf8("\r\n0\r\n\r\n")));
            case "chunk-trailer" -> answered(concat(headerBlock(line, chunkedHeaders(headers)),
                    utf8(Integer.toHexString(body.length) + "\r\n"), body, utf8("\r\n0\r\nX-Trailer: t\r\n\r\n")));
            case "http-1.0" -> answered(assemble(method + " " + target + " HTTP/1.0", headers, body, false));
            case "empty" -> new RawRequest(utf8("\r\n\r\n"), true);
            case "space-before-method" -> answered(assemble(" " + line, headers, body, false));
            default -> answered(assemble(line.toLowerCase(Locale.ROOT), headers, body, false));
        };
    }

    private static List<String[]> chunkedHeaders(List<String[]> headers) {
        List<String[]> h = new ArrayList<>(headers);
        h.removeIf(x -> x[0].equalsIgnoreCase("Content-Length") || x[0].equalsIgnoreCase("Transfer-Encoding"));
        h.add(new String[]{"Transfer-Encoding", "chunked"});
        return h;
    }

    private static RawRequest answered(byte[] bytes) {
        return new RawRequest(bytes, false);
    }

    static byte[] assemble(String requestLine, List<String[]> headers, byte[] body, boolean chunked) {
        byte[] head = headerBlock(requestLine, headers);
        if (!chunked) {
            return concat(head, body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (int at = 0; at < body.length; at += 8192) {
            int n = Math.min(8192, body.length - at);
            out.writeBytes(utf8(Integer.toHexString(n) + "\r\n"));
            out.write(body, at, n);
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static byte[] headerBlock(String requestLine, List<String[]> headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String[] h : headers) {
            head.append(h[0]);
            if (h[1] != null) {
                head.append(": ").append(h[1]);
            }
            head.append("\r\n");
        }
        head.append("\r\n");
        // header text is sent as ISO-8859-1 (one byte per char); the request line may carry raw UTF-8
        return latin1OrUtf8(head.toString());
    }

    private static byte[] latin1OrUtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.codePoints().forEach(c -> {
            if (c < 0x100) {
                out.write(c);
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
        });
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
