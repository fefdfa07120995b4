package org.proposalledger.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Provenance;

/**
 * {@code ProposalSubmitted} revision 1 → 2: adds {@code provenance}. Revision 1 did not record it;
 * the aggregate then inferred it from the category, because only an import (role IMPORT) may file
 * a suggestion under {@link Category#NOT_STATED} — so that is how it is derived here: 未注明 means
 * {@link Provenance#IMPORTED}, any other category {@link Provenance#SUBMITTED}. The stored bytes
 * (and so the hash chain) stay as they were.
 */
public class ProposalSubmittedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProposalSubmitted.class.getName(), "1");
    static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(ProposalSubmitted.class.getName(), REVISION_2),
                JsonNode.class, ProposalSubmittedUpcaster::addProvenance);
    }

    static JsonNode addProvenance(JsonNode payload) {
        if (payload instanceof ObjectNode object && !object.has("provenance")) {
            JsonNode category = object.get("category");
            boolean imported = category != null && Category.NOT_STATED.name().equals(category.asText());
            object.put("provenance", (imported ? Provenance.IMPORTED : Provenance.SUBMITTED).name());
        }
        return payload;
    }
}
