package io.auditflow.identity;

import java.util.List;

/** A team as SCIM sees it: a group of the identity provider, with its members. */
public record ExternalGroup(Long id, String code, String displayName, String externalId, List<Member> members) {

    public record Member(Long id, String username) {
    }
}
