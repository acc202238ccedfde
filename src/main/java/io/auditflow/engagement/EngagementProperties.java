package io.auditflow.engagement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code auditflow.engagement.*} (docs/engagements.md).
 *
 * @param accessDaysAfterReport   auditors keep access this many days after the report or certification decision
 * @param maxImportRows           the longest request list one CSV may carry
 * @param maxImportSize           the largest CSV accepted
 * @param sampleSizes             sample size per control frequency (ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY, WEEKLY, DAILY)
 * @param isoDefaultPeriodMonths  ISO audit without an earlier audit on record: the period reaches back this many months
 */
@ConfigurationProperties(prefix = "auditflow.engagement")
public record EngagementProperties(Integer accessDaysAfterReport, Integer maxImportRows, DataSize maxImportSize,
                                   Map<String, Integer> sampleSizes, Integer isoDefaultPeriodMonths) {

    public EngagementProperties {
        accessDaysAfterReport = accessDaysAfterReport == null ? 30 : accessDaysAfterReport;
        maxImportRows = maxImportRows == null ? 5000 : maxImportRows;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(2) : maxImportSize;
        Map<String, Integer> sizes = new LinkedHashMap<>(Map.of("ANNUAL", 1, "SEMIANNUAL", 1, "QUARTERLY", 2,
                "MONTHLY", 2, "WEEKLY", 5, "DAILY", 25));
        if (sampleSizes != null) {
            sampleSizes.forEach((k, v) -> sizes.put(k.toUpperCase(java.util.Locale.ROOT), v));
        }
        sampleSizes = Map.copyOf(sizes);
        isoDefaultPeriodMonths = isoDefaultPeriodMonths == null ? 12 : isoDefaultPeriodMonths;
    }
}
