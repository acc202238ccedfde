package io.auditflow.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly board report mail: on or off, and on which working day (Monday to Friday) of the
 * month it goes out (1 = the first working day).
 */
@ConfigurationProperties("auditflow.board-report")
public record BoardReportProperties(Boolean mailEnabled, Integer workingDay) {

    public BoardReportProperties {
        mailEnabled = mailEnabled == null || mailEnabled;
        workingDay = workingDay == null ? 1 : workingDay;
        if (workingDay < 1 || workingDay > 20) {
            throw new IllegalArgumentException("auditflow.board-report.working-day must be between 1 and 20");
        }
    }
}
