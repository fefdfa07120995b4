package org.proposalledger.query.projection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch writes its buffers by {@link ProjectionBatch.Order}, whatever the order they were created in. */
class ProjectionBatchOrderTest {

    @Test
    void derivedBuffersAreWrittenFirstAndTheLastOnesLast() {
        List<String> written = new ArrayList<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        ProjectionBatch batch = ProjectionBatch.current();
        batch.buffer(ProjectionBatch.Order.LAST, "letters", () -> () -> written.add("letters"));
        batch.buffer("proposals", () -> () -> written.add("proposals"));
        batch.buffer(ProjectionBatch.Order.DERIVED, "counters", () -> () -> written.add("counters"));
        batch.buffer(ProjectionBatch.Order.DERIVED, "todo", () -> () -> written.add("todo"));

        assertThat(batch.bufferNames()).containsExactly("counters", "todo", "proposals", "letters");
        unitOfWork.commit();
        assertThat(written).containsExactly("counters", "todo", "proposals", "letters");
    }

    @Test
    void aBufferBelongsToOneOrder() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        ProjectionBatch batch = ProjectionBatch.current();
        batch.buffer(ProjectionBatch.Order.DERIVED, "counters", () -> () -> {
        });
        assertThatThrownBy(() -> batch.buffer("counters", () -> () -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("counters");
        unitOfWork.rollback();
    }
}
