package io.auditflow.lifecycle.process;

/** Names of process variables and messages the SOC 2 processes share. */
final class Soc2Delegates {
    static final String REPORT_ISSUED_MESSAGE = "ReportIssued";

    private Soc2Delegates() {
    }
}
