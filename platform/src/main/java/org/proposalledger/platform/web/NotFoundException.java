package org.proposalledger.platform.web;

/** Answers 404: the thing the path names does not exist (or is not visible to this user). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
