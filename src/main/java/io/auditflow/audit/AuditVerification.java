package io.auditflow.audit;

/**
 * The result of checking the chain.
 *
 * @param intact   true when every entry is where it should be and unchanged
 * @param checked  how many entries were checked
 * @param firstBad the sequence number where the chain breaks, or null
 * @param reason   what is wrong there in plain words, or null
 * @param headHash the hash of the last entry; write it down (or send it elsewhere) to detect a rewrite of the whole chain
 */
public record AuditVerification(boolean intact, long checked, Long firstBad, String reason, String headHash) {
}
