package io.auditflow.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks that a file's bytes are what its extension claims (magic bytes, or for text a UTF-8
 * check), so a renamed executable cannot pass as a PDF. Returns the content type to store.
 */
final class ContentCheck {

    static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "txt", "text/plain; charset=UTF-8",
            "csv", "text/csv; charset=UTF-8");

    private ContentCheck() {
    }

    /** The answer of a check: the content matches, does not match, or unpacks beyond the caps. */
    enum Result { MATCHES, MISMATCH, UNPACKS_TOO_LARGE }

    /**
     * The most an Office file may unpack to, and the highest ratio of unpacked to packed bytes.
     * Real documents stay far below both (XML packs about 5-20 times); a ZIP bomb does not.
     */
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** Below this many unpacked bytes the ratio is not checked (tiny files pack oddly). */
    private static final long RATIO_FLOOR = 1024 * 1024;

    static Result check(String extension, byte[] bytes) {
        return switch (extension) {
            case "pdf" -> of(startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII)));
            case "png" -> of(startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
            case "jpg", "jpeg" -> of(startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
            case "docx" -> officeZip(bytes, "word/");
            case "xlsx" -> officeZip(bytes, "xl/");
            case "txt", "csv" -> of(utf8Text(bytes));
            default -> Result.MISMATCH;
        };
    }

    private static Result of(boolean matches) {
        return matches ? Result.MATCHES : Result.MISMATCH;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An Office Open XML file: a ZIP with [Content_Types].xml and the part folder of its kind. Every
     * entry is inflated through a counter that stops at the caps, so a bomb costs at most
     * {@link #MAX_UNPACKED_BYTES} of inflating, never its full size.
     */
    private static Result officeZip(byte[] bytes, String partFolder) {
        if (!startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            return Result.MISMATCH;
        }
        long limit = Math.min(MAX_UNPACKED_BYTES, Math.max(RATIO_FLOOR, (long) bytes.length * MAX_RATIO));
        boolean contentTypes = false;
        boolean part = false;
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 10_000) {
                    return Result.UNPACKS_TOO_LARGE;
                }
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                part |= entry.getName().startsWith(partFolder);
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > limit) {
                        return Result.UNPACKS_TOO_LARGE;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Result.MISMATCH;
        }
        return of(contentTypes && part);
    }

    /** Valid UTF-8 without NUL bytes (which no text or CSV file holds, but binaries do). */
    private static boolean utf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
