package org.proposalledger.command.reference;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/** The same bare id names three different aggregates, one per kind, never a proposal. */
class ReferenceCommandTargetTest {

    private final CommandTargetResolver resolver = AnnotationCommandTargetResolver.builder().build();

    @Test
    void reference_commands_target_prefixed_aggregates() {
        assertThat(target(new RecordCongressSession(SessionId.of("x1"), "会议", null))).isEqualTo("session:x1");
        assertThat(target(new RecordHandlingUnit(UnitId.of("x1"), "单位", UnitKind.COUNTY))).isEqualTo("unit:x1");
        assertThat(target(new RecordDeputy(DeputyId.of("x1"), "代表", null))).isEqualTo("deputy:x1");
    }

    private String target(Object command) {
        return resolver.resolveTarget(asCommandMessage(command)).getIdentifier();
    }
}
