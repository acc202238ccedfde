package io.auditflow.evidence;

/**
 * Lets another feature open single pieces of evidence to users outside the team (auditors of an
 * engagement). The evidence feature asks every grant before it sends a file to such a user; no
 * grant, no file ("not found").
 */
public interface EvidenceReadGrant {

    boolean mayRead(String username, long evidenceId);
}
