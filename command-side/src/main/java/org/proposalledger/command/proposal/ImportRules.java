package org.proposalledger.command.proposal;

import org.proposalledger.api.proposal.AssignProposal;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalStatus;
import org.proposalledger.api.proposal.Provenance;
import org.proposalledger.api.proposal.ReplyClass;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;

import java.time.LocalDate;

import static org.proposalledger.api.error.CommandRejectedException.conflict;
import static org.proposalledger.api.error.CommandRejectedException.invalid;

/**
 * The rules an import of a published report (role IMPORT) adds to a {@link Proposal}'s life. An
 * import records only what the report states: it may submit, register, assign and reply, with
 * "not stated" (未注明) category and reply class and no dates at all, because the report gives none.
 * Steps that reckon from the assignment date (return window, extension limit, overdue, reminders)
 * are refused on such an undated assignment rather than computed from an invented date. Each
 * method is one rule, named by its rule code; {@link Proposal} calls them where they fall in its
 * fixed check order.
 */
final class ImportRules {

    private ImportRules() {
    }

    static boolean isImport(Actor actor) {
        return actor.is(Role.IMPORT);
    }

    static Provenance provenanceOf(Actor actor) {
        return isImport(actor) ? Provenance.IMPORTED : Provenance.SUBMITTED;
    }

    /** {@code category-required}: 未注明 is the report's word, not a category a deputy may file under. */
    static void requireFiledCategory(Category category, Actor actor) {
        if (category == Category.NOT_STATED && !isImport(actor)) {
            throw invalid("category-required", "A suggestion needs a category; 未注明 is only for imported reports.");
        }
    }

    /** {@code background-required}: a published report may give none; an import then records none rather than invent one. */
    static void requireBackground(String background, Actor actor) {
        if (isImport(actor) ? background == null : background == null || background.isBlank()) {
            throw invalid("background-required", "A suggestion needs its background.");
        }
    }

    /** {@code import-requires-imported-proposal}: an import records steps of the suggestions it imported, never of ones handed in. */
    static void requireImportedIfImport(Actor actor, Provenance provenance) {
        if (isImport(actor) && provenance != Provenance.IMPORTED) {
            throw conflict("import-requires-imported-proposal",
                    "An import only records steps of suggestions it imported from a report.");
        }
    }

    /** {@code imported-dates-not-stated}: an imported assignment carries no due date. */
    static void requireUndated(AssignProposal cmd) {
        if (cmd.dueOn() != null) {
            throw invalid("imported-dates-not-stated", "An imported assignment carries no due date: the report states none.");
        }
    }

    /** {@code assignment-date-not-stated}: what reckons from the assignment date needs one. */
    static void requireAssignmentDate(LocalDate assignedOn, String reckoned) {
        if (assignedOn == null) {
            throw conflict("assignment-date-not-stated",
                    "The assignment was imported without its date, so " + reckoned + " cannot be reckoned.");
        }
    }

    /**
     * An undated (imported) assignment has no due date, so nothing of it is late or due soon;
     * {@code rule} is the refusal the caller gives for "not yet" ({@code not-overdue}, {@code not-due-soon}).
     */
    static void requireDueDate(LocalDate dueOn, String rule) {
        if (dueOn == null) {
            throw conflict(rule, "The assignment was imported without a due date.");
        }
    }

    /** {@code not-overdue}: an undated (imported) assignment fixes no co-unit opinion date. */
    static void requireOpinionDueDate(LocalDate coOpinionDueOn) {
        if (coOpinionDueOn == null) {
            throw conflict("not-overdue", "The assignment was imported without a date, so no opinion is late.");
        }
    }

    /**
     * {@code import-reply-requires-imported-assignment}: an import records the report's reply to the
     * report's assignment, never to one the ledger follows, and only the first reply.
     */
    static void requireImportedAssignment(boolean importedAssignment, ProposalStatus status) {
        if (!importedAssignment || status != ProposalStatus.ASSIGNED) {
            throw conflict("import-reply-requires-imported-assignment",
                    "An import may only record the first reply to an assignment it imported.");
        }
    }

    /** {@code classification-required}: A–D, or 未注明 for an import only. */
    static void requireReplyClass(ReplyClass classification, Actor actor) {
        if (classification == null || classification == ReplyClass.NOT_STATED && !isImport(actor)) {
            throw invalid("classification-required", "A reply needs its classification (A, B, C or D).");
        }
    }
}
