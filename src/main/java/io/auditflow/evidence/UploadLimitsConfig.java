package io.auditflow.evidence;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The multipart parser's limits come from {@code auditflow.evidence.max-size}, so the parser (which
 * trips first on the API), the service and the upload field in the UI refuse the same files with
 * the same message (common/Problems#tooLarge). A request may carry several files: up to ten more
 * megabytes in all.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitsConfig {

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties evidence) {
        long perFile = evidence.maxSize().toBytes();
        long perRequest = perFile + DataSize.ofMegabytes(10).toBytes();
        return new MultipartConfigElement("", perFile, perRequest, 0);
    }
}
