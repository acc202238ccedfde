package io.auditflow.engagement;

/** What an import did: new requests, requests updated by reference, rows unchanged. */
public record ImportResult(int created, int updated, int unchanged) {
}
