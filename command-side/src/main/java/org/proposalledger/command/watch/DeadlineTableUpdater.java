package org.proposalledger.command.watch;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.proposalledger.api.proposal.AssignmentReturned;
import org.proposalledger.api.proposal.CoUnitOpinionGiven;
import org.proposalledger.api.proposal.CoUnitOpinionOverdue;
import org.proposalledger.api.proposal.DeadlineExtended;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalClosed;
import org.proposalledger.api.proposal.ProposalRejected;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalWithdrawn;
import org.proposalledger.api.proposal.RehandlingOrdered;
import org.proposalledger.api.proposal.ReplyDueSoon;
import org.proposalledger.api.proposal.ReplyOverdue;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.command.deadline.DeadlineRules;
import org.proposalledger.api.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Keeps {@link DeadlineTable} in step with the events. Runs in a subscribing processor, so each
 * change is written in the transaction that stores the event (JDBC engine): the table can never
 * miss a due date, and no token is needed.
 */
@ProcessingGroup(DeadlineTableUpdater.GROUP)
public class DeadlineTableUpdater {

    public static final String GROUP = "deadline-table";

    private final DeadlineTable table;
    private final WorkingDays calendar;

    public DeadlineTableUpdater(DeadlineTable table, WorkingDays calendar) {
        this.table = table;
        this.calendar = calendar;
    }

    private static String id(ProposalEvent e) {
        return e.proposalId().value();
    }

    private LocalDate remindOn(LocalDate due, int days) {
        return days > 0 ? DeadlineRules.remindOn(calendar, due, days) : null;
    }

    @EventHandler
    void on(HandlingTermsSet e) {
        String id = id(e);
        table.deleteProposal(id);
        table.insert(id, DeadlineTable.REPLY, e.leadUnitId().value(), e.replyDueOn(),
                remindOn(e.replyDueOn(), e.reminderWorkingDays()), e.reminderWorkingDays());
        e.coUnitIds().forEach(u -> table.insert(id, DeadlineTable.CO_OPINION, u.value(), e.coUnitOpinionDueOn(), null, 0));
    }

    @EventHandler
    void on(DeadlineExtended e) {
        moveReplyDue(e.proposalId(), e.newDueOn());
    }

    @EventHandler
    void on(RehandlingOrdered e) {
        moveReplyDue(e.proposalId(), e.dueOn());
    }

    private void moveReplyDue(ProposalId proposalId, LocalDate due) {
        Integer days = table.reminderDays(proposalId.value());
        if (days != null) {
            table.moveReplyDue(proposalId.value(), due, remindOn(due, days));
        }
    }

    /** A reply also ends the co-units' opinion window (opinions serve the first reply). */
    @EventHandler
    void on(ProposalReplied e) {
        table.closeAll(id(e));
    }

    @EventHandler
    void on(CoUnitOpinionGiven e) {
        table.close(id(e), DeadlineTable.CO_OPINION, e.unitId().value());
    }

    @EventHandler
    void on(ReplyOverdue e) {
        table.markOverdue(id(e), DeadlineTable.REPLY, e.unitId().value());
    }

    @EventHandler
    void on(CoUnitOpinionOverdue e) {
        table.markOverdue(id(e), DeadlineTable.CO_OPINION, e.unitId().value());
    }

    @EventHandler
    void on(ReplyDueSoon e) {
        table.markReminded(id(e));
    }

    @EventHandler
    void on(AssignmentReturned e) {
        table.deleteProposal(id(e));
    }

    @EventHandler
    void on(ProposalClosed e) {
        table.deleteProposal(id(e));
    }

    @EventHandler
    void on(ProposalWithdrawn e) {
        table.deleteProposal(id(e));
    }

    @EventHandler
    void on(ProposalRejected e) {
        table.deleteProposal(id(e));
    }
}
