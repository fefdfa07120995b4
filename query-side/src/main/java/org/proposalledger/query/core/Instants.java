package org.proposalledger.query.core;

import org.proposalledger.platform.web.InvalidParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Request parameters that name a moment: an ISO instant, or a date in the ledger's zone. */
public final class Instants {

    private Instants() {
    }

    /** A date means its end (the last nanosecond of that day), so "as of 2022-06-10" includes that day. */
    public static Instant endOf(String field, String text, ZoneId zone) {
        return parse(field, text, zone, true);
    }

    /** A date means its start. */
    public static Instant startOf(String field, String text, ZoneId zone) {
        return parse(field, text, zone, false);
    }

    private static Instant parse(String field, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return end ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(field, "must be an ISO instant (2022-06-10T08:00:00Z) or a date (2022-06-10)");
        }
    }
}
