package io.auditflow.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one owner of how Auditflow makes and stores secrets: random bearer tokens (256 bits, URL-safe
 * Base64) and SHA-256 digests in lower-case hex. API tokens, the SCIM token, calendar feed tokens
 * and evidence files all use it, so a token is never hashed two different ways (decision 0050:
 * a 256-bit random token needs no slow hash; one SHA-256 and an indexed look-up check it).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new token of 32 random bytes, URL-safe Base64 without padding, after the given prefix. */
    public static String newToken(String prefix) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** SHA-256 of the text's UTF-8 bytes, 64 hex digits. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the bytes, 64 hex digits. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** The raw 32-byte SHA-256 digest. */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
