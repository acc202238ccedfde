package io.auditflow.timeline;

/** What a bar on a program's lane stands for. */
public enum BarKind {
    OBSERVATION_WINDOW("SOC 2 observation window"),
    REPORT_CURRENT("SOC 2 report current"),
    CERTIFICATE_VALID("ISO certificate valid"),
    COVERAGE_GAP("Coverage gap"),
    CERTIFICATE_LAPSED("Certificate lapsed");

    private final String label;

    BarKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A gap or a lapse: drawn so nobody can miss it. */
    public boolean isAlarm() {
        return this == COVERAGE_GAP || this == CERTIFICATE_LAPSED;
    }
}
