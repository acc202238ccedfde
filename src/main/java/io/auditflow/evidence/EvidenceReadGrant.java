package io.auditflow.evidence;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets another feature open single pieces of evidence to users outside the team (auditors of an
 * engagement). The evidence feature asks every grant before it sends a file to such a user; no
 * grant, no file ("not found").
 */
public interface EvidenceReadGrant {

    boolean mayRead(String username, long evidenceId);

    /**
     * The pieces among these that the user may read, as {@link #mayRead} answers for each; a grant
     * that can should answer with a few queries for all of them (the global search asks about hundreds).
     */
    default Set<Long> readable(String username, Collection<Long> evidenceIds) {
        return evidenceIds.stream().filter(id -> mayRead(username, id)).collect(Collectors.toSet());
    }
}
