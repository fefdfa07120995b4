package org.proposalledger.platform.idempotency;

/** What a keyed request was answered, replayed byte for byte to its retries. */
public record StoredAnswer(int status, String contentType, String location, byte[] body) {

    boolean successful() {
        return status >= 200 && status < 300;
    }
}
