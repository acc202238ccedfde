package io.auditflow.identity;

/** What the identity provider says about a user (SCIM create and replace). */
public record ProvisionedUser(String userName, String displayName, String email, String externalId, boolean active) {
}
