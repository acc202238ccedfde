package io.auditflow.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code auditflow.evidence.*}.
 *
 * @param directory    where evidence files are stored (created if missing)
 * @param maxSize      the largest file accepted; also the multipart parser's limit (UploadLimitsConfig)
 * @param allowedTypes file extensions accepted; each is checked against the file's first bytes
 */
@ConfigurationProperties(prefix = "auditflow.evidence")
public record EvidenceProperties(Path directory, DataSize maxSize, List<String> allowedTypes) {

    public EvidenceProperties {
        directory = directory == null ? Path.of("data", "evidence") : directory;
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty()
                ? List.of("pdf", "png", "jpg", "jpeg", "docx", "xlsx", "txt", "csv")
                : allowedTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList();
    }
}
