package org.proposalledger.tools.generate;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.UnitKind;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionPlanTest {

    private static final LocalDate OPENS = LocalDate.of(2022, 1, 5);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        SessionPlan a = new SessionPlan(42, 300, "g", OPENS);
        SessionPlan b = new SessionPlan(42, 300, "g", OPENS);
        SessionPlan c = new SessionPlan(43, 300, "g", OPENS);
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.expected()).isEqualTo(b.expected());
        assertThat(a.steps()).isNotEqualTo(c.steps());
    }

    @Test
    void aRealisticSessionShape() {
        SessionPlan p = new SessionPlan(7, 1000, "g", OPENS);
        assertThat(p.steps().stream().filter(s -> s.command() instanceof RecordHandlingUnit u
                && u.kind() == UnitKind.DEPARTMENT)).hasSize(44);
        assertThat(p.steps().stream().filter(s -> s.command() instanceof RecordHandlingUnit u
                && u.kind() == UnitKind.COUNTY)).hasSize(11);
        assertThat(p.steps().stream().filter(s -> s.command() instanceof SubmitProposal)).hasSize(1000);
        assertThat(p.steps().stream().filter(s -> s.command() instanceof SubmitProposal sp)
                .map(s -> ((SubmitProposal) s.command()).category()).distinct()).hasSize(7);
        SessionPlan.Expected e = p.expected();
        // most replied, most on time, some late, some consulted, some withdrawn, some overdue
        assertThat(e.assigned() + e.withdrawn()).isEqualTo(1000);
        assertThat(e.withdrawn()).isBetween(10L, 60L);
        assertThat(e.replied()).isBetween(850L, 980L);
        assertThat(e.repliedOnTime()).isBetween(750L, e.replied() - 50);
        assertThat(e.overdue()).isBetween(10L, 60L);
        assertThat(e.consulted()).isBetween(750L, 900L);
        assertThat(e.satisfied() + e.basicallySatisfied()).isEqualTo(e.rated());
        // days in order, and a proposal's own commands in the order planned
        for (int i = 1; i < p.steps().size(); i++) {
            assertThat(p.steps().get(i).day()).isAfterOrEqualTo(p.steps().get(i - 1).day());
        }
        assertThat(ProposalReplied.class).isNotNull();
    }
}
