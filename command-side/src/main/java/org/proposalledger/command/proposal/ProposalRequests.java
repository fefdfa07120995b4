package org.proposalledger.command.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.Ids;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the proposal command API. These check shape and size only; whether the
 * step is allowed is the aggregate's decision.
 */
public final class ProposalRequests {

    static final int ID = Ids.MAX_LENGTH;
    static final int NAME = 100;
    static final int TITLE = 200;
    static final int NUMBER = 50;
    static final int TEXT = 20_000;
    static final int BACKGROUND = 50_000;
    static final int SUGGESTION = 10_000;
    static final int MAX_SUGGESTIONS = 100;
    static final int MAX_PEOPLE = 50;

    private ProposalRequests() {
    }

    public record Submit(
            @NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
            @NotBlank @Size(max = TITLE) String title,
            @NotEmpty @Size(max = MAX_PEOPLE)
            List<@NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> proposerIds,
            boolean andOthers,
            @NotNull Category category,
            @NotBlank @Size(max = BACKGROUND) String background,
            @NotEmpty @Size(max = MAX_SUGGESTIONS) List<@NotBlank @Size(max = SUGGESTION) String> suggestions) {
    }

    public record Register(@NotBlank @Size(max = NUMBER) String number) {
    }

    public record Reason(@NotBlank @Size(max = TEXT) String reason) {
    }

    public record DesignateKey(@NotBlank @Size(max = NAME) String supervisingLeader) {
    }

    public record Assign(
            @NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String leadUnitId,
            @Size(max = MAX_PEOPLE) List<@NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> coUnitIds,
            LocalDate dueOn) {
    }

    public record Reassign(
            @NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String leadUnitId,
            @Size(max = MAX_PEOPLE) List<@NotBlank @Size(max = ID) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> coUnitIds) {
    }

    public record ExtendDeadline(@NotNull LocalDate newDueOn, @NotBlank @Size(max = NAME) String approvedBy) {
    }

    public record Text(@NotBlank @Size(max = TEXT) String text) {
    }

    public record Consultation(
            @NotNull LocalDate heldOn,
            @NotNull ConsultationMode mode,
            @Size(max = MAX_PEOPLE) List<@NotBlank @Size(max = NAME) String> participants,
            @Size(max = TEXT) String notes) {
    }

    public record Reply(
            @NotNull ReplyClass classification,
            @NotBlank @Size(max = TEXT) String text,
            @NotBlank @Size(max = NAME) String signedBy) {
    }

    public record Rate(@NotNull Rating rating, @Size(max = TEXT) String comment) {
    }

    public record Rehandle(LocalDate dueOn, @NotBlank @Size(max = TEXT) String reason) {
    }

    public record Close(@Size(max = TEXT) String decision) {
    }
}
