package io.auditflow.engagement;

import java.util.List;
import java.util.Optional;

/**
 * Extension point for other features to put documents of an engagement's program into the audit
 * binder, e.g. the Statement of Applicability in force of an ISO program (engagement.SoaBinderDocuments, which reads control's SoaService).
 * Implement it as a Spring bean; the binder has checked the caller's access to the engagement before
 * it asks, and lists every file in the manifests with its SHA-256. Files must be byte-for-byte the
 * same for the same state, so that exporting twice gives the same manifest.
 */
public interface BinderDocuments {

    /** The section for this engagement, or empty when it does not apply (e.g. a SOC 2 program for the SoA). */
    Optional<Section> section(Engagement engagement);

    /**
     * A titled part of the binder: its files (path inside the ZIP under {@code documents/}) or,
     * when there is nothing to add, a note saying why (shown in the PDF index).
     */
    record Section(String title, List<File> files, String note) {
    }

    /** One file: {@code name} is a plain file name; {@code description} goes into the index and manifests. */
    record File(String name, String description, byte[] bytes) {
    }
}
