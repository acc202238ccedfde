package io.auditflow.lifecycle;

import io.auditflow.common.AuditflowProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Converts between calendar days and the {@link Date} values that process variables, timers and
 * task due dates use: a day is its start (00:00) in the organisation's time zone.
 */
@Component
public class ProcessDates {

    private final ZoneId zone;

    public ProcessDates(AuditflowProperties properties) {
        this.zone = properties.zone();
    }

    public Date toDate(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** A variable as a day: accepts Date, LocalDate and ISO strings (forms send strings). */
    public LocalDate toDay(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone);
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    public ZoneId zone() {
        return zone;
    }
}
