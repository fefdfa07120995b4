package org.proposalledger.api.reference;

/**
 * A congress session's statutory periods. Months are calendar months from the starting day;
 * working days follow the working-day calendar (holidays and make-up days).
 *
 * @param replyMonths            reply due after assignment
 * @param extensionLimitMonths   an approved extension may move the reply date at most this far from assignment
 * @param returnWorkingDays      the lead unit may return a wrong assignment within this many working days
 * @param coOpinionMonths        co-unit opinions due after assignment
 * @param rehandlingMonths       re-handling reply due after it is ordered
 * @param reminderWorkingDays    a due-soon reminder this many working days before a reply due date (0 = none)
 */
public record DeadlineRuleSet(
        int replyMonths,
        int extensionLimitMonths,
        int returnWorkingDays,
        int coOpinionMonths,
        int rehandlingMonths,
        int reminderWorkingDays) {

    public static final DeadlineRuleSet DEFAULTS = new DeadlineRuleSet(3, 6, 7, 1, 1, 5);

    /** The first broken constraint, or null when the set is usable. */
    public String problem() {
        if (replyMonths < 1 || replyMonths > 12) {
            return "replyMonths must be between 1 and 12";
        }
        if (extensionLimitMonths < replyMonths || extensionLimitMonths > 24) {
            return "extensionLimitMonths must be between replyMonths and 24";
        }
        if (returnWorkingDays < 0 || returnWorkingDays > 60) {
            return "returnWorkingDays must be between 0 and 60";
        }
        if (coOpinionMonths < 1 || coOpinionMonths > replyMonths) {
            return "coOpinionMonths must be between 1 and replyMonths";
        }
        if (rehandlingMonths < 1 || rehandlingMonths > 12) {
            return "rehandlingMonths must be between 1 and 12";
        }
        if (reminderWorkingDays < 0 || reminderWorkingDays > 60) {
            return "reminderWorkingDays must be between 0 and 60";
        }
        return null;
    }
}
