package org.proposalledger.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.Rating;

/**
 * {@code ProposalRated} revision 1 → 2: adds {@code satisfactory}, derived from {@code rating}
 * (satisfied and basically satisfied count towards the satisfaction rate). Works on the stored
 * JSON, so events written before revision 2 load, replay and appear in history and the feed
 * in the new shape; the stored bytes (and so the hash chain) stay as they were.
 */
public class ProposalRatedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProposalRated.class.getName(), "1");
    static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(ProposalRated.class.getName(), REVISION_2),
                JsonNode.class, ProposalRatedUpcaster::addSatisfactory);
    }

    static JsonNode addSatisfactory(JsonNode payload) {
        if (payload instanceof ObjectNode object && !object.has("satisfactory")) {
            JsonNode rating = object.get("rating");
            boolean satisfactory = rating != null && rating.isTextual()
                    && Rating.valueOf(rating.asText()).isSatisfactory();
            object.put("satisfactory", satisfactory);
        }
        return payload;
    }
}
