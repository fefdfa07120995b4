package org.proposalledger.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposal as it stands: the read model the query side keeps, and what point-in-time
 * replay returns. The last four fields came with the deadline work: the return window and
 * co-unit opinion due date fixed at assignment, co-units whose opinion is overdue, and the due
 * date a due-soon reminder was raised for. Ids are plain strings so any client can read it without our value types.
 */
public record ProposalView(
        String id,
        String sessionId,
        String number,
        String title,
        List<String> proposers,
        boolean andOthers,
        String category,
        String background,
        List<String> suggestions,
        String status,
        boolean key,
        String supervisingLeader,
        String leadUnitId,
        List<String> coUnitIds,
        LocalDate assignedOn,
        LocalDate dueOn,
        boolean overdue,
        List<Extension> extensions,
        List<Return> returns,
        List<CoOpinion> coOpinions,
        List<Consultation> consultations,
        List<Reply> replies,
        List<RatingEntry> ratings,
        List<FollowUp> followUps,
        String rejectionReason,
        String withdrawalReason,
        String closingDecision,
        Instant submittedAt,
        Instant updatedAt,
        long version,
        LocalDate returnWindowEndsOn,
        LocalDate coOpinionDueOn,
        List<String> coUnitsOverdue,
        LocalDate remindedFor) {

    public record Extension(LocalDate previousDueOn, LocalDate newDueOn, String approvedBy, Instant at) {
    }

    public record Return(String unitId, String reason, Instant at) {
    }

    public record CoOpinion(String unitId, String text, LocalDate givenOn, boolean late) {
    }

    public record Consultation(String unitId, LocalDate heldOn, String mode, List<String> participants,
                               String notes, boolean beforeFirstReply) {
    }

    public record Reply(int round, String unitId, String classification, String text, String signedBy,
                        LocalDate repliedOn, LocalDate dueOn, boolean late) {
    }

    public record RatingEntry(int round, String deputyId, String rating, String comment, Instant at) {
    }

    public record FollowUp(String unitId, String text, Instant at) {
    }
}
