package org.proposalledger.command.reference;

import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

/** What the Proposal aggregate may ask about reference data before it accepts a reference to it. */
public interface ReferenceData {

    boolean sessionExists(SessionId sessionId);

    boolean unitExists(UnitId unitId);

    boolean deputyExists(DeputyId deputyId);
}
