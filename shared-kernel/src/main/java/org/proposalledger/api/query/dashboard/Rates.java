package org.proposalledger.api.query.dashboard;

/**
 * The five supervision rates, defined here and nowhere else. Each is a fraction from 0 to 1,
 * or null when its base is empty (nothing assigned, or nothing rated): "no rate", never 0%
 * and never 100%.
 * <ul>
 *   <li>{@code replyRate} = replied / assigned</li>
 *   <li>{@code onTimeReplyRate} = replied on time (first reply by the due date in force) / dated assigned</li>
 *   <li>{@code consultationRate} = consulted before the first reply / dated assigned</li>
 *   <li>{@code satisfactionRate} = (satisfied + basically satisfied) / rated</li>
 *   <li>{@code satisfiedRate} = satisfied / rated</li>
 * </ul>
 * "Dated assigned" leaves out the proposals imported from a published report, whose assignment
 * and reply carry no date (see {@link ScopeCounts#datedAssigned()}): they count as assigned and
 * replied, but nothing is known of their deadline or consultations. The report preface uses
 * these same definitions.
 */
public record Rates(Double replyRate, Double onTimeReplyRate, Double consultationRate, Double satisfactionRate,
                    Double satisfiedRate) {

    /** The names {@link #of(ScopeCounts, String)} and the unit ranking accept. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("replyRate", "onTimeReplyRate", "consultationRate", "satisfactionRate", "satisfiedRate");

    public static Rates of(ScopeCounts c) {
        return new Rates(ratio(c.replied(), c.assigned()), ratio(c.repliedOnTime(), c.datedAssigned()),
                ratio(c.consultedBeforeFirstReply(), c.datedAssigned()),
                ratio(c.satisfied() + c.basicallySatisfied(), c.rated()), ratio(c.satisfied(), c.rated()));
    }

    /** Numerator and base of the rate called {@code name}; throws for an unknown name. */
    public static Fraction fraction(ScopeCounts c, String name) {
        return switch (name) {
            case "replyRate" -> new Fraction(c.replied(), c.assigned());
            case "onTimeReplyRate" -> new Fraction(c.repliedOnTime(), c.datedAssigned());
            case "consultationRate" -> new Fraction(c.consultedBeforeFirstReply(), c.datedAssigned());
            case "satisfactionRate" -> new Fraction(c.satisfied() + c.basicallySatisfied(), c.rated());
            case "satisfiedRate" -> new Fraction(c.satisfied(), c.rated());
            default -> throw new IllegalArgumentException("unknown rate: " + name + "; one of " + NAMES);
        };
    }

    /** successes / base, the base being the rate's sample size. */
    public record Fraction(long successes, long base) {
        public Double value() {
            return ratio(successes, base);
        }

        public Wilson wilson() {
            return Wilson.of(successes, base);
        }
    }

    static Double ratio(long numerator, long base) {
        return base <= 0 ? null : (double) numerator / base;
    }
}
