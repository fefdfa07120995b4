package org.proposalledger.api.transparency;

/** A signed note or checkpoint that cannot be accepted: malformed, or not signed by the trusted key. */
public class InvalidNoteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNoteException(String message) {
        super(message);
    }
}
