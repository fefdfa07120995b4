package org.proposalledger.platform.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Provenance;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.platform.axon.AxonConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 submissions gain the provenance the aggregate used to infer from the category. */
class ProposalSubmittedUpcasterTest {

    private final ObjectMapper mapper = new AxonConfig().defaultAxonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    // the whole chain as Spring wires it, so the two upcasters are shown not to disturb each other
    private final EventUpcasterChain chain =
            new EventUpcasterChain(new ProposalRatedUpcaster(), new ProposalSubmittedUpcaster());

    private ProposalSubmitted load(byte[] json, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Proposal", "p-1", 0, "e-1",
                "2022-06-01T02:00:00.000Z", ProposalSubmitted.class.getName(), revision, json, "{}".getBytes());
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        SerializedObject<?> data = upcast.get(0).getData();
        assertThat(data.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(data);
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/evolution/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_revision_1_submission_under_not_stated_was_an_import() throws IOException {
        assertThat(load(fixture("proposal-submitted-r1-imported.json"), "1")).isEqualTo(new ProposalSubmitted(
                ProposalId.of("p-1"), SessionId.of("lvliang-5-2"), "关于支持园区建设的建议",
                List.of(DeputyId.of("zhu-heping"), DeputyId.of("gao-yonghong")), true, Category.NOT_STATED, "",
                List.of("一是积极协调。"), Provenance.IMPORTED));
    }

    @Test
    void a_revision_1_submission_under_a_filed_category_was_handed_in() throws IOException {
        ProposalSubmitted event = load(fixture("proposal-submitted-r1.json"), "1");
        assertThat(event.provenance()).isEqualTo(Provenance.SUBMITTED);
        assertThat(event.category()).isEqualTo(Category.URBAN_CONSTRUCTION);
        assertThat(event.title()).isEqualTo("关于加快老旧小区改造的建议");
    }

    @Test
    void the_current_revision_keeps_what_it_recorded() {
        // imported under a filed category: only revision 2 can say so, and the upcaster leaves it alone
        ProposalSubmitted now = new ProposalSubmitted(ProposalId.of("p-1"), SessionId.of("lvliang-5-2"), "标题",
                List.of(DeputyId.of("zhu-heping")), false, Category.ECONOMY, "背景", List.of("建议"), Provenance.IMPORTED);
        SerializedObject<byte[]> written = serializer.serialize(now, byte[].class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(new String(written.getData())).contains("\"provenance\":\"IMPORTED\"");
        assertThat(load(written.getData(), "2")).isEqualTo(now);
    }
}
