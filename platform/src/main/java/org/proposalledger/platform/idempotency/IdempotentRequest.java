package org.proposalledger.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One keyed request: whose key it is ({@code scope}, the signed-in user), the key, and the
 * fingerprint that tells a retry from another request under the same key.
 *
 * @param fingerprint SHA-256 over method, path with query string, and the body's bytes
 */
public record IdempotentRequest(String scope, String key, String fingerprint, String method, String path) {

    static final int MAX_SCOPE = 255;
    static final int MAX_PATH = 2048;

    public static IdempotentRequest of(String user, String key, String method, String path, String query, byte[] body) {
        MessageDigest sha = sha256();
        sha.update((method + "\n" + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        String pathAndQuery = query == null ? path : path + "?" + query;
        return new IdempotentRequest(scope(user), key, HexFormat.of().formatHex(sha.digest()), method,
                pathAndQuery.length() > MAX_PATH ? pathAndQuery.substring(0, MAX_PATH) : pathAndQuery);
    }

    /** The user's name, or its hash when it is longer than the column (a JWT subject can be). */
    static String scope(String user) {
        if (user.length() <= MAX_SCOPE) {
            return user;
        }
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(user.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
