package org.proposalledger.platform.idempotency;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft "The Idempotency-Key HTTP Header
 * Field"): an RFC 8941 Item whose value is a String, e.g. {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}.
 * Many clients send the key unquoted (Stripe's style); that form is taken too when it is plainly
 * a key (letters, digits and {@code . _ ~ + / = : -}), and names the same key as its quoted form.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z0-9._~+/=:-]+");

    private IdempotencyKey() {
    }

    /** A header value the ledger cannot take as a key: answered 400, nothing done. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** @return the key, or null when the request has no {@code Idempotency-Key} header */
    public static String parse(Enumeration<String> headerValues) throws Malformed {
        List<String> values = new ArrayList<>();
        while (headerValues != null && headerValues.hasMoreElements()) {
            values.add(headerValues.nextElement());
        }
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new Malformed("Send one Idempotency-Key header, not " + values.size() + ".");
        }
        return parse(values.get(0));
    }

    static String parse(String value) throws Malformed {
        String v = value.strip();
        String key = v.startsWith("\"") ? sfString(v) : unquoted(v);
        if (key.isEmpty()) {
            throw new Malformed("The Idempotency-Key is empty.");
        }
        if (key.length() > MAX_LENGTH) {
            throw new Malformed("An Idempotency-Key has at most " + MAX_LENGTH + " characters.");
        }
        return key;
    }

    /** RFC 8941 section 4.2.5: printable ASCII; backslash escapes only a quote or a backslash. */
    private static String sfString(String v) throws Malformed {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                if (++i == v.length() || (v.charAt(i) != '"' && v.charAt(i) != '\\')) {
                    throw new Malformed("In a quoted Idempotency-Key a backslash may only escape '\"' or '\\'.");
                }
                out.append(v.charAt(i));
            } else if (c == '"') {
                if (i != v.length() - 1) {
                    throw new Malformed("The Idempotency-Key is one quoted string with nothing after it"
                            + " (no list, no parameters).");
                }
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new Malformed("An Idempotency-Key holds printable ASCII characters only.");
            } else {
                out.append(c);
            }
        }
        throw new Malformed("The quoted Idempotency-Key has no closing '\"'.");
    }

    private static String unquoted(String v) throws Malformed {
        if (v.isEmpty()) {
            return v;
        }
        if (!UNQUOTED.matcher(v).matches()) {
            throw new Malformed("Send the Idempotency-Key as a quoted string, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\""
                    + " (unquoted: letters, digits and . _ ~ + / = : - only).");
        }
        return v;
    }
}
