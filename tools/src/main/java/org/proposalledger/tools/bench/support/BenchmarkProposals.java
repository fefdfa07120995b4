package org.proposalledger.tools.bench.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ConsultationHeld;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.web.ActorMetaData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The benchmarks' proposals, appended straight to the event store (commands would be far slower
 * and would measure the command side): {@value #EVENTS} events each — submitted, registered,
 * assigned, consulted, replied, rated — spread over {@value #UNITS} units, the same for the same
 * session size. Every benchmark loads its store with these, so one store serves several.
 */
public final class BenchmarkProposals {

    /** Events per proposal. */
    public static final int EVENTS = 6;
    /** Handling units the proposals are assigned to ({@code unit-00} … {@code unit-54}). */
    public static final int UNITS = 55;

    private BenchmarkProposals() {
    }

    /** The id of proposal {@code i} of {@code session}. */
    public static String id(String session, int i) {
        return String.format("%s-%07d", session, i);
    }

    /** Appends {@code size} proposals of {@value #EVENTS} events each to the store, as one session. */
    public static void append(EventStore store, String session, int size) {
        Random r = new Random(size);
        MetaData meta = ActorMetaData.of(Actor.office("benchmark"), "benchmark");
        LocalDate assignedOn = LocalDate.of(2022, 2, 1);
        Instant at = Instant.parse("2022-01-10T01:00:00Z");
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        Category[] categories = Category.filed();
        for (int i = 0; i < size; i++) {
            String id = id(session, i);
            ProposalId pid = ProposalId.of(id);
            UnitId unit = UnitId.of(String.format("unit-%02d", r.nextInt(UNITS)));
            int replyDay = 20 + r.nextInt(90);
            List<Object> events = List.of(
                    new ProposalSubmitted(pid, SessionId.of(session), "关于第" + i + "项工作的建议",
                            List.of(DeputyId.of(String.format("deputy-%05d", r.nextInt(Math.max(1, size / 3))))), false,
                            categories[r.nextInt(categories.length)], "背景", List.of("建议")),
                    new ProposalRegistered(pid, SessionId.of(session), "第" + i + "号"),
                    new ProposalAssigned(pid, SessionId.of(session), unit, List.of(), assignedOn,
                            assignedOn.plusMonths(3)),
                    new ConsultationHeld(pid, unit, assignedOn.plusDays(5), ConsultationMode.PHONE, List.of("代表"), "",
                            true),
                    new ProposalReplied(pid, unit, ReplyClass.values()[r.nextInt(4)], "答复", "局长",
                            assignedOn.plusDays(replyDay), assignedOn.plusMonths(3), replyDay > 89, 1),
                    new ProposalRated(pid, DeputyId.of("deputy-00000"), Rating.values()[r.nextInt(2)], "", 1));
            for (int e = 0; e < events.size(); e++) {
                at = at.plusMillis(1);
                batch.add(new GenericDomainEventMessage<>("Proposal", id, e, events.get(e), meta,
                        UUID.randomUUID().toString(), at));
            }
            if (batch.size() >= 3000) {
                store.publish(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
    }
}
