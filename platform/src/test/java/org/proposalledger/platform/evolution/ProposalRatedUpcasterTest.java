package org.proposalledger.platform.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.platform.axon.AxonConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 JSON fixtures read through the upcaster chain and the ledger's own serializer. */
class ProposalRatedUpcasterTest {

    private final ObjectMapper mapper = new AxonConfig().defaultAxonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ProposalRatedUpcaster());

    private ProposalRated load(String fixture, String revision) throws IOException {
        byte[] json;
        try (InputStream in = getClass().getResourceAsStream("/evolution/" + fixture)) {
            json = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Proposal", "p-1", 4, "e-1",
                "2022-06-01T02:00:00.000Z", ProposalRated.class.getName(), revision, json, "{}".getBytes());
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        SerializedObject<?> data = upcast.get(0).getData();
        assertThat(data.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(data);
    }

    @Test
    void a_revision_1_rating_gains_satisfactory_derived_from_the_rating() throws IOException {
        assertThat(load("proposal-rated-r1.json", "1")).isEqualTo(new ProposalRated(ProposalId.of("p-1"),
                DeputyId.of("zhu-heping"), Rating.BASICALLY_SATISFIED, "基本满意", 1, true));
        assertThat(load("proposal-rated-r1-unsatisfied.json", "1").satisfactory()).isFalse();
    }

    @Test
    void the_current_revision_is_written_with_the_field_and_left_alone() throws IOException {
        ProposalRated now = new ProposalRated(ProposalId.of("p-1"), DeputyId.of("zhu-heping"), Rating.SATISFIED, "满意", 1);
        SerializedObject<byte[]> written = serializer.serialize(now, byte[].class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(new String(written.getData())).contains("\"satisfactory\":true");
        assertThat(new ProposalRatedUpcaster().canUpcast(new InitialEventRepresentation(new GenericDomainEventEntry<>(
                "Proposal", "p-1", 4, "e-1", "2022-06-01T02:00:00.000Z", ProposalRated.class.getName(), "2",
                written.getData(), "{}".getBytes()), serializer))).isFalse();
        assertThat((ProposalRated) serializer.deserialize(new SimpleSerializedObject<>(written.getData(), byte[].class,
                written.getType()))).isEqualTo(now);
    }
}
