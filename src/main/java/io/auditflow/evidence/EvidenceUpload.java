package io.auditflow.evidence;

/** A file as received from the browser or the API, before any check. */
public record EvidenceUpload(String fileName, byte[] bytes) {
}
