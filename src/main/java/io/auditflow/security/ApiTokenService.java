package io.auditflow.security;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Secrets;
import io.auditflow.common.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a SHA-256 hash.
 * A token is 256 random bits, so a fast hash is enough (docs/decisions/0050) and checking one costs
 * a hash and an indexed look-up instead of a BCrypt round.
 */
@Service
@Transactional
public class ApiTokenService {

    public static final String PREFIX = "af_";
    static final int MAX_TOKENS_PER_USER = 20;
    static final int MAX_NAME_LENGTH = 100;
    /** "Last used" is written at most this often per token, so a busy script does not write on every call. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final AuditflowProperties properties;

    ApiTokenService(ApiTokenRepository tokens, Clock clock, AuditflowProperties properties) {
        this.tokens = tokens;
        this.clock = clock;
        this.properties = properties;
    }

    @PreAuthorize("isAuthenticated()")
    public CreatedApiToken create(String name, LocalDate expiresOn) {
        String owner = CurrentUser.require();
        String trimmed = name == null ? "" : name.strip();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Validation v = new Validation();
        v.check(!trimmed.isEmpty(), "name", "Give the token a name, e.g. the script that uses it");
        v.check(trimmed.length() <= MAX_NAME_LENGTH, "name", "Use at most " + MAX_NAME_LENGTH + " characters");
        v.check(trimmed.codePoints().noneMatch(Character::isISOControl), "name", "Use no control characters");
        v.check(expiresOn == null || expiresOn.isAfter(today), "expiresOn", "Choose a day after today");
        v.check(tokens.countByUsername(owner) < MAX_TOKENS_PER_USER, "name",
                "You have " + MAX_TOKENS_PER_USER + " tokens; revoke one first");
        v.throwIfInvalid();
        String token = Secrets.newToken(PREFIX);
        // Valid through the whole chosen day in the organisation's zone.
        Instant expiresAt = expiresOn == null ? null
                : expiresOn.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        ApiToken saved = tokens.save(new ApiToken(owner, trimmed, hash(token), clock.instant(), expiresAt));
        return new CreatedApiToken(token, saved.summary());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> mine() {
        return tokens.findByUsernameOrderByCreatedAtDesc(CurrentUser.require()).stream().map(ApiToken::summary).toList();
    }

    /** Revokes one of the caller's own tokens; another user's token is "not found". */
    @PreAuthorize("isAuthenticated()")
    public void revoke(Long id) {
        if (id == null || tokens.deleteOwn(id, CurrentUser.require()) == 0) {
            throw new NotFoundException("You have no token " + id);
        }
    }

    /** Ends every token of a user, e.g. when an admin resets the password after a compromise. */
    public int revokeAllOf(String username) {
        return tokens.deleteAllOf(username);
    }

    /** The owner of a valid token, for the authentication provider; records when it was used. */
    Optional<String> ownerOf(String token, Instant now) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token))
                .filter(t -> t.getExpiresAt() == null || now.isBefore(t.getExpiresAt()))
                .map(t -> {
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                        tokens.markUsed(t.getId(), now);
                    }
                    return t.getUsername();
                });
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }
}
