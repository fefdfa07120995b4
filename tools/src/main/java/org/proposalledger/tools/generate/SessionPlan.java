package org.proposalledger.tools.generate;

import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.CloseProposal;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RateReply;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.proposal.RecordReplyOverdue;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.proposal.ReplyToProposal;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.proposal.WithdrawProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A realistic congress session as a list of dated commands, the same for the same seed:
 * 55 handling units (44 city departments, 11 counties), 7 categories, about one deputy per
 * three proposals (so proposers have several proposals, some jointly), and real outcomes —
 * most replied on time, some late (recorded overdue first), most consulted before replying,
 * most satisfied, some unsatisfied then re-handled and rated again, a few withdrawn, a few
 * still unanswered and overdue. Pure: running it is {@link SessionGenerator}'s job.
 * <p>
 * It also counts what the session's dashboard must show once every command has run
 * ({@link #expected()}), straight from the plan, so a run can be checked end to end.
 */
public final class SessionPlan {

    public static final int DEPARTMENTS = 44;
    public static final int COUNTIES = 11;

    /** One command, the day it runs on and who sends it. */
    public record Step(LocalDate day, int proposal, int order, Object command, Actor actor) {
    }

    /** What the plan says the session's figures are once it has run. */
    public record Expected(long assigned, long replied, long repliedOnTime, long consulted, long rated,
                           long satisfied, long basicallySatisfied, long unsatisfied, long overdue, long withdrawn) {
    }

    private final String sessionId;
    private final LocalDate opensOn;
    private final List<Step> steps = new ArrayList<>();
    private long assigned, replied, onTime, consulted, rated, satisfied, basically, unsatisfied, overdue, withdrawn;

    public SessionPlan(long seed, int proposals, String sessionId, LocalDate opensOn) {
        this.sessionId = sessionId;
        this.opensOn = opensOn;
        Random r = new Random(seed);
        Actor office = Actor.office("generator-office");
        add(opensOn, -1, 0, new RecordCongressSession(SessionId.of(sessionId), "第" + sessionId + "次会议", opensOn),
                office);
        for (int u = 1; u <= DEPARTMENTS + COUNTIES; u++) {
            boolean county = u > DEPARTMENTS;
            add(opensOn, -1, u, new RecordHandlingUnit(UnitId.of(unit(u)),
                    county ? "县（市、区）人民政府" + (u - DEPARTMENTS) : "市直部门" + u,
                    county ? UnitKind.COUNTY : UnitKind.DEPARTMENT), office);
        }
        int deputies = Math.max(2, proposals / 3);
        for (int d = 1; d <= deputies; d++) {
            add(opensOn, -1, 100 + d, new RecordDeputy(DeputyId.of(deputy(d)), "代表" + d, "代表团" + (d % 13 + 1)),
                    office);
        }
        Category[] categories = Category.filed();
        for (int i = 0; i < proposals; i++) {
            plan(r, i, deputies, categories, office);
        }
        steps.sort(Comparator.comparing(Step::day).thenComparingInt(Step::proposal).thenComparingInt(Step::order));
    }

    public static String unit(int u) {
        return u > DEPARTMENTS ? String.format("county-%02d", u - DEPARTMENTS) : String.format("dept-%02d", u);
    }

    public static String deputy(int d) {
        return String.format("deputy-%04d", d);
    }

    public String proposalId(int i) {
        return String.format("%s-p%06d", sessionId, i);
    }

    private void plan(Random r, int i, int deputies, Category[] categories, Actor office) {
        ProposalId id = ProposalId.of(proposalId(i));
        int first = 1 + r.nextInt(deputies);
        List<DeputyId> proposers = new ArrayList<>(List.of(DeputyId.of(deputy(first))));
        if (r.nextInt(4) == 0) { // a joint proposal
            int second = 1 + r.nextInt(deputies);
            if (second != first) {
                proposers.add(DeputyId.of(deputy(second)));
            }
        }
        Actor proposer = Actor.deputy("generator-" + deputy(first), deputy(first));
        int lead = 1 + r.nextInt(DEPARTMENTS + COUNTIES);
        Actor unit = Actor.unit("generator-" + unit(lead), unit(lead));
        LocalDate submitted = opensOn.plusDays(r.nextInt(3));
        LocalDate assignedOn = opensOn.plusDays(20 + r.nextInt(10));
        LocalDate due = assignedOn.plusMonths(3);
        int o = 0;
        add(submitted, i, o++, new SubmitProposal(id, SessionId.of(sessionId), "关于第" + (i + 1) + "项工作的建议",
                proposers, r.nextInt(3) == 0, categories[r.nextInt(categories.length)],
                "背景：群众反映较多，需要加快推进。", List.of("一是加强统筹。", "二是加大投入。")), proposer);
        add(opensOn.plusDays(10), i, o++, new RegisterProposal(id, String.format("第%04d号", i + 1)), office);
        add(assignedOn, i, o++, new AssignProposal(id, UnitId.of(unit(lead)), List.of(), null), office);
        assigned++;
        int fate = r.nextInt(100);
        if (fate < 3) { // withdrawn before any reply
            add(assignedOn.plusDays(5), i, o++, new WithdrawProposal(id, "已通过其他渠道解决"), proposer);
            assigned--;
            withdrawn++;
            return;
        }
        boolean consult = r.nextInt(100) < 85;
        LocalDate replyOn;
        if (fate < 6) { // still unanswered: overdue
            add(due.plusDays(1), i, o++, new RecordReplyOverdue(id), Actor.SYSTEM);
            overdue++;
            if (consult) {
                add(assignedOn.plusDays(10 + r.nextInt(20)), i, o++, consultation(id, assignedOn), unit);
                consulted++;
            }
            return;
        }
        boolean late = fate < 16;
        replyOn = late ? due.plusDays(2 + r.nextInt(30)) : assignedOn.plusDays(20 + r.nextInt(60));
        if (consult) {
            add(assignedOn.plusDays(5 + r.nextInt(10)), i, o++, consultation(id, assignedOn), unit);
            consulted++;
        }
        if (late) {
            add(due.plusDays(1), i, o++, new RecordReplyOverdue(id), Actor.SYSTEM);
        }
        add(replyOn, i, o++, new ReplyToProposal(id, ReplyClass.values()[r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(3)],
                "经研究，答复如下。", "局长"), unit);
        replied++;
        if (!late) {
            onTime++;
        }
        if (r.nextInt(100) >= 92) {
            return; // not rated (yet)
        }
        rated++;
        int mood = r.nextInt(100);
        LocalDate ratedOn = replyOn.plusDays(3 + r.nextInt(10));
        if (mood < 8) { // unsatisfied: re-handled automatically, replied and rated again
            add(ratedOn, i, o++, new RateReply(id, Rating.UNSATISFIED, "不满意"), proposer);
            LocalDate again = ratedOn.plusDays(15 + r.nextInt(15));
            add(again, i, o++, new ReplyToProposal(id, ReplyClass.A, "重新办理后答复。", "局长"), unit);
            Rating second = r.nextInt(4) == 0 ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED;
            add(again.plusDays(5), i, o++, new RateReply(id, second, "认可"), proposer);
            count(second);
            add(again.plusDays(10), i, o++, new CloseProposal(id, null), office);
        } else {
            Rating rating = mood < 25 ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED;
            add(ratedOn, i, o++, new RateReply(id, rating, "满意"), proposer);
            count(rating);
            add(ratedOn.plusDays(5), i, o++, new CloseProposal(id, null), office);
        }
    }

    private static RecordConsultation consultation(ProposalId id, LocalDate assignedOn) {
        return new RecordConsultation(id, assignedOn.plusDays(3), ConsultationMode.IN_PERSON, List.of("代表"),
                "当面沟通");
    }

    private void count(Rating rating) {
        if (rating == Rating.SATISFIED) {
            satisfied++;
        } else if (rating == Rating.BASICALLY_SATISFIED) {
            basically++;
        } else {
            unsatisfied++;
        }
    }

    private void add(LocalDate day, int proposal, int order, Object command, Actor actor) {
        steps.add(new Step(day, proposal, order, command, actor));
    }

    public List<Step> steps() {
        return steps;
    }

    public String sessionId() {
        return sessionId;
    }

    public Expected expected() {
        return new Expected(assigned, replied, onTime, consulted, rated, satisfied, basically, unsatisfied, overdue,
                withdrawn);
    }
}
