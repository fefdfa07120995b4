package org.proposalledger.api.query.dashboard;

/**
 * 95% Wilson score interval for a proportion (z = 1.959964): unlike the plain p ± z·se it
 * stays inside [0, 1] and is honest for small samples and for 0% or 100%. Null bounds when
 * the sample is empty.
 */
public record Wilson(Double lower, Double upper) {

    public static final double Z95 = 1.959963984540054;

    public static Wilson of(long successes, long n) {
        if (n <= 0) {
            return new Wilson(null, null);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be within 0.." + n + ": " + successes);
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // at 0% and 100% the bound is exactly 0 or 1; computed, it is off by a rounding error
        return new Wilson(successes == 0 ? 0.0 : Math.max(0, centre - half),
                successes == n ? 1.0 : Math.min(1, centre + half));
    }
}
