package org.proposalledger.platform.ops;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per event processor and segment, the timestamp of the last event its handlers
 * processed (the basis of {@code ledger_processor_lag_seconds}), and logs each handled event at
 * DEBUG (logger {@code org.proposalledger.platform.ops.ProcessorProgress}): a trace of what every
 * processor did, on its own thread, under the correlation id of the command that caused it.
 */
public class ProcessorProgress {

    private static final Logger log = LoggerFactory.getLogger(ProcessorProgress.class);

    /** processor name → segment id → timestamp of the last handled event */
    private final Map<String, Map<Integer, Instant>> lastHandled = new ConcurrentHashMap<>();

    /** The interceptor for one processor; it must run inside {@link CorrelationIdLogging} to log the id. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        // the key under which Axon's streaming processors put the segment into the unit of work
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            EventMessage<?> event = unitOfWork.getMessage();
            Object segment = unitOfWork.getResource(segmentKey);
            int segmentId = segment instanceof Integer s ? s : 0;
            lastHandled.computeIfAbsent(processor, p -> new ConcurrentHashMap<>())
                    .merge(segmentId, event.getTimestamp(), (a, b) -> b.isAfter(a) ? b : a);
            if (log.isDebugEnabled()) {
                log.debug("{} handled {} {} (segment {})", processor, event.getPayloadType().getSimpleName(),
                        event.getIdentifier(), segmentId);
            }
            return result;
        };
    }

    /** Timestamp of the last event the processor's handlers processed in that segment, or null. */
    public Instant lastHandled(String processor, int segment) {
        Map<Integer, Instant> segments = lastHandled.get(processor);
        return segments == null ? null : segments.get(segment);
    }
}
