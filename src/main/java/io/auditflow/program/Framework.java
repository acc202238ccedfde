package io.auditflow.program;

/** The compliance frameworks Auditflow runs lifecycles for (codes from domain.md). */
public enum Framework {
    SOC2_TYPE1("SOC 2 Type I"),
    SOC2_TYPE2("SOC 2 Type II"),
    ISO27001("ISO/IEC 27001");

    private final String label;

    Framework(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isSoc2() {
        return this == SOC2_TYPE1 || this == SOC2_TYPE2;
    }
}
