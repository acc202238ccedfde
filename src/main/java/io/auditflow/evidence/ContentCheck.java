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

    /** True when the bytes match the extension. */
    static boolean matches(String extension, byte[] bytes) {
        return switch (extension) {
            case "pdf" -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            case "jpg", "jpeg" -> startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "docx" -> officeZip(bytes, "word/");
            case "xlsx" -> officeZip(bytes, "xl/");
            case "txt", "csv" -> utf8Text(bytes);
            default -> false;
        };
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

    /** An Office Open XML file: a ZIP with [Content_Types].xml and the part folder of its kind. */
    private static boolean officeZip(byte[] bytes, String partFolder) {
        if (!startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        boolean contentTypes = false;
        boolean part = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                part |= entry.getName().startsWith(partFolder);
                if (contentTypes && part) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
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
