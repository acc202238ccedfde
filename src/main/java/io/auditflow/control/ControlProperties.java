package io.auditflow.control;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code auditflow.controls.*}.
 *
 * @param soaApprovalDueDays   days a manager has to decide on a submitted Statement of Applicability (task due date)
 * @param soaApprovalLapseDays days after which an undecided submission goes back to draft
 * @param jointMaxShiftDays    joint planning proposes moving SOC 2 fieldwork by at most this many days
 */
@ConfigurationProperties(prefix = "auditflow.controls")
public record ControlProperties(Integer soaApprovalDueDays, Integer soaApprovalLapseDays, Integer jointMaxShiftDays) {

    public ControlProperties {
        soaApprovalDueDays = soaApprovalDueDays == null ? 14 : soaApprovalDueDays;
        soaApprovalLapseDays = soaApprovalLapseDays == null ? 30 : soaApprovalLapseDays;
        jointMaxShiftDays = jointMaxShiftDays == null ? 120 : jointMaxShiftDays;
    }
}
