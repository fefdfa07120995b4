package org.proposalledger.query.rebuild;

/** A read model was asked for while the read models are being rebuilt. */
public class ReadModelRebuildingException extends RuntimeException {

    public ReadModelRebuildingException() {
        super("The read models are being rebuilt from the event store; try again later.");
    }
}
