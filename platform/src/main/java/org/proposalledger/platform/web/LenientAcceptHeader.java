package org.proposalledger.platform.web;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

import java.util.List;
import java.util.Set;

/**
 * The {@code Accept} header as Spring reads it, with two corrections so that what a client asks
 * for never breaks the answer:
 * <ul>
 *   <li>a header that cannot be parsed ({@code garbage}, {@code ;;;}, {@code *}{@code /*;q=abc}) is
 *   disregarded, as RFC 9110 §12.5.1 allows. Spring's own strategy throws, and throws again while
 *   writing the error's problem, which it then drops: a 400 or 406 with an empty body;</li>
 *   <li>a JSON type with a charset JSON cannot be written in ({@code application/json;charset=GBK})
 *   is not acceptable. Spring would pick it, find no converter, and on an endpoint that declares
 *   what it produces (the actuator's) answer 500 instead of 406.</li>
 * </ul>
 */
public class LenientAcceptHeader extends HeaderContentNegotiationStrategy {

    /** What Jackson writes JSON in ({@code JsonEncoding}). */
    private static final Set<String> JSON_CHARSETS = Set.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");

    /** Accepted by no endpoint, for an Accept header that named nothing the ledger can write. */
    private static final List<MediaType> NOTHING = List.of(new MediaType("application", "x-nothing-acceptable"));

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
        List<MediaType> accepted;
        try {
            accepted = super.resolveMediaTypes(request);
        } catch (HttpMediaTypeNotAcceptableException unparseable) {
            return MEDIA_TYPE_ALL_LIST;
        }
        if (accepted.stream().noneMatch(LenientAcceptHeader::unwritableJson)) {
            return accepted;
        }
        List<MediaType> writable = accepted.stream().filter(t -> !unwritableJson(t)).toList();
        return writable.isEmpty() ? NOTHING : writable;
    }

    private static boolean unwritableJson(MediaType type) {
        String subtype = type.getSubtype();
        return type.getCharset() != null && (subtype.equals("json") || subtype.endsWith("+json"))
                && !JSON_CHARSETS.contains(type.getCharset().name());
    }
}
