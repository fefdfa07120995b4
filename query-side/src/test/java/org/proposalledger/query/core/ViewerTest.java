package org.proposalledger.query.core;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.query.support.Events;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerTest {

    private static final ProposalFold FOLD = new ProposalFold();
    private static final ProposalView LED_BY_EDUCATION_WITH_COMMERCE = view();

    private static ProposalView view() {
        ProposalView v = FOLD.apply(null, Events.submitted("p-1"), new EventMeta(0, Instant.EPOCH, null, null));
        return FOLD.apply(v, Events.assigned("p-1", "education", "commerce"),
                new EventMeta(1, Instant.EPOCH, null, null));
    }

    private static final ListProposals ANY = new ListProposals(null, "education", null, null, "gao-li", 10, null);

    @Test
    void officeSupervisorReaderAndSystemSeeEverything() {
        for (Role role : new Role[]{Role.OFFICE, Role.SUPERVISOR, Role.READER, Role.SYSTEM}) {
            Viewer viewer = Viewer.of(new Actor("u", role, null, null));
            assertThat(viewer.canSee(LED_BY_EDUCATION_WITH_COMMERCE)).as(role.name()).isTrue();
            assertThat(viewer.restrict(ANY)).contains(ANY);
        }
    }

    @Test
    void aUnitSeesWhatItLeadsOrCoHandles() {
        assertThat(Viewer.of(Actor.unit("u", "commerce")).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isTrue();
        assertThat(Viewer.of(Actor.unit("u", "education")).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isTrue();
        assertThat(Viewer.of(Actor.unit("u", "transport")).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isFalse();
        assertThat(Viewer.of(Actor.unit("u", "commerce")).restrict(ANY).orElseThrow().unitId()).isEqualTo("commerce");
    }

    @Test
    void aDeputySeesWhatTheyProposed() {
        assertThat(Viewer.of(Actor.deputy("d", "gao-li")).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isTrue();
        assertThat(Viewer.of(Actor.deputy("d", "someone-else")).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isFalse();
        assertThat(Viewer.of(Actor.deputy("d", "zhu-heping")).restrict(ANY).orElseThrow().deputyId())
                .isEqualTo("zhu-heping");
    }

    @Test
    void busCallersWithoutAnActorAreTrustedButAnUnreadableActorSeesNothing() {
        assertThat(Viewer.fromMetaData(Map.of()).canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isTrue();
        Viewer broken = Viewer.fromMetaData(Map.of("user", "x", "role", "UNIT")); // a unit without unitId
        assertThat(broken.canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isFalse();
        assertThat(broken.restrict(ANY)).isEmpty();
        assertThat(Viewer.fromMetaData(Actor.unit("u", "commerce").toMetaData())
                .canSee(LED_BY_EDUCATION_WITH_COMMERCE)).isTrue();
        assertThat(Viewer.fromMetaData(Map.of()).canSee(null)).isFalse();
    }
}
