package org.proposalledger.platform.outage;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;

import java.util.Set;

/**
 * Axon Server (profile {@code axonserver}) is out of reach: its gRPC calls end {@code UNAVAILABLE}
 * or {@code DEADLINE_EXCEEDED}, or the connector reports a failed connection, a command or query it
 * could not dispatch, or no event-store leader. Seen as the connector library's
 * {@code io.axoniq…AxonServerException} (category), the framework's {@code AxonServerException}
 * and its dispatch exceptions (error code), or the bare gRPC status. A dispatch failure caused by a
 * gRPC status that is not transient (a refused token, say) is a fault to fix, not an outage.
 */
public final class AxonServerOutages implements OutageClassifier {

    private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    /** The server cannot be reached, or has no event-store leader: an outage whatever the cause. */
    private static final Set<ErrorCategory> CONNECTOR_DOWN = Set.of(ErrorCategory.CONNECTION_FAILED,
            ErrorCategory.NO_EVENT_STORE_MASTER_AVAILABLE);
    /** A message could not be delivered: an outage when the server reported it or the call ended transiently. */
    private static final Set<ErrorCategory> CONNECTOR_DISPATCH = Set.of(ErrorCategory.COMMAND_DISPATCH_ERROR,
            ErrorCategory.QUERY_DISPATCH_ERROR);
    private static final Set<ErrorCode> FRAMEWORK_DOWN = Set.of(ErrorCode.CONNECTION_FAILED,
            ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE);
    private static final Set<ErrorCode> FRAMEWORK_DISPATCH = Set.of(ErrorCode.COMMAND_DISPATCH_ERROR,
            ErrorCode.QUERY_DISPATCH_ERROR);

    @Override
    public Store unreachable(Throwable failure) {
        return outage(failure) ? Store.MESSAGE_SERVER : null;
    }

    private static boolean outage(Throwable failure) {
        if (failure instanceof StatusRuntimeException s) {
            return TRANSIENT.contains(s.getStatus().getCode());
        }
        if (failure instanceof StatusException s) {
            return TRANSIENT.contains(s.getStatus().getCode());
        }
        if (failure instanceof io.axoniq.axonserver.connector.AxonServerException e) {
            return CONNECTOR_DOWN.contains(e.getErrorCategory())
                    || CONNECTOR_DISPATCH.contains(e.getErrorCategory()) && undeliveredForNow(e);
        }
        if (failure instanceof AxonServerException e) {
            return FRAMEWORK_DOWN.contains(e.errorCode())
                    || FRAMEWORK_DISPATCH.contains(e.errorCode()) && undeliveredForNow(e);
        }
        return (failure instanceof AxonServerCommandDispatchException
                || failure instanceof AxonServerQueryDispatchException) && undeliveredForNow(failure);
    }

    /**
     * A dispatch failure the server reported (no cause here: it came over the wire) or whose call
     * ended with a transient gRPC status. Any other cause — a refused token, a payload that would
     * not serialize — is a fault no retry mends; the chain walk still looks at it on its own.
     */
    private static boolean undeliveredForNow(Throwable e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return true;
        }
        if (cause instanceof StatusRuntimeException s) {
            return TRANSIENT.contains(s.getStatus().getCode());
        }
        return cause instanceof StatusException s && TRANSIENT.contains(s.getStatus().getCode());
    }
}
