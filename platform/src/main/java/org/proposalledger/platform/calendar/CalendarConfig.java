package org.proposalledger.platform.calendar;

import org.proposalledger.platform.LedgerProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Clock;

/** One working-day calendar for both sides: the command side sets deadlines, the query side counts days left. */
@AutoConfiguration(after = org.proposalledger.platform.axon.AxonConfig.class)
public class CalendarConfig {

    @Bean
    @ConditionalOnMissingBean
    public HolidayCalendar holidayCalendar(LedgerProperties properties, Clock clock) {
        Path dir = properties.getCalendar().getDir() != null
                ? properties.getCalendar().getDir()
                : properties.getDataDir().resolve("calendar");
        return new HolidayCalendar(dir, properties.getCalendar().getReloadInterval(), clock);
    }
}
