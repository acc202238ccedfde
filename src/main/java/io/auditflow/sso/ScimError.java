package io.auditflow.sso;

/** A SCIM error answer (RFC 7644 section 3.12): an HTTP status, an optional scimType and a detail. */
class ScimError extends RuntimeException {

    final int status;
    final String scimType;

    ScimError(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    static ScimError notFound(String detail) {
        return new ScimError(404, null, detail);
    }
}
