package io.auditflow.engagement;

import io.auditflow.common.FieldError;
import io.auditflow.common.Phrase;
import io.auditflow.common.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an auditor's request list: UTF-8 (with or without BOM) or the Windows code page Excel
 * uses for "CSV (comma delimited)", CRLF or LF, ',' ';' or tab as separator, a header row naming
 * reference, request, criteria/controls, due date, owner hint. Every problem is reported with its
 * row number (the header is row 1); one problem and nothing is imported.
 */
final class RequestCsv {

    static final int MAX_ERRORS = 50;
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu");

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String s : List.of("reference", "ref", "id", "no", "number", "requestid")) {
            COLUMNS.put(s, "reference");
        }
        for (String s : List.of("request", "requesttext", "description", "text", "item")) {
            COLUMNS.put(s, "text");
        }
        for (String s : List.of("criteria", "controls", "criteriacontrols", "criteriaorcontrols", "control", "criterion")) {
            COLUMNS.put(s, "criteria");
        }
        for (String s : List.of("duedate", "due", "deadline")) {
            COLUMNS.put(s, "due");
        }
        for (String s : List.of("ownerhint", "owner", "assignee", "team")) {
            COLUMNS.put(s, "owner");
        }
    }

    private RequestCsv() {
    }

    static List<RequestForm> parse(byte[] bytes, EngagementProperties settings) {
        if (bytes == null || bytes.length == 0) {
            throw error("file", Phrase.of("service.import.empty"));
        }
        if (bytes.length > settings.maxImportSize().toBytes()) {
            throw error("file", Phrase.of("service.import.tooLarge", settings.maxImportSize().toMegabytes()));
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw error("file", Phrase.of("service.import.unreadable", safe(e.getMessage())));
        }
        if (records.isEmpty()) {
            throw error("file", Phrase.of("service.import.empty"));
        }
        CSVRecord header = records.get(0);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String key = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (key.isEmpty() && raw.isBlank()) {
                continue;
            }
            String column = COLUMNS.get(key);
            if (column == null) {
                errors.add(new FieldError("row 1", Phrase.of("service.import.unknownColumn", safe(raw))));
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("row 1", Phrase.of("service.import.columnTwice", safe(raw))));
            }
        }
        if (!index.containsKey("reference") || !index.containsKey("text")) {
            errors.add(new FieldError("row 1", Phrase.of("service.import.header")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int rows = records.size() - 1;
        if (rows > settings.maxImportRows()) {
            throw error("file", Phrase.of("service.import.tooManyRows", rows, settings.maxImportRows()));
        }
        List<RequestForm> out = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            String where = "row " + (r + 1);
            int row = r + 1;
            if (rec.size() > header.size()) {
                boolean extraBlank = true;
                for (int i = header.size(); i < rec.size(); i++) {
                    extraBlank &= rec.get(i).isBlank();
                }
                if (!extraBlank) {
                    errors.add(new FieldError(where, Phrase.of("service.import.tooManyValues", row, rec.size(), header.size())));
                }
            }
            String reference = cell(rec, index.get("reference"));
            String request = cell(rec, index.get("text"));
            String criteria = cell(rec, index.get("criteria"));
            String due = cell(rec, index.get("due"));
            String owner = cell(rec, index.get("owner"));
            if (reference.isEmpty() && request.isEmpty() && criteria.isEmpty() && due.isEmpty() && owner.isEmpty()) {
                continue;
            }
            if (reference.isEmpty()) {
                errors.add(new FieldError(where, Phrase.of("service.import.referenceEmpty", row)));
            } else if (!references.add(reference)) {
                errors.add(new FieldError(where, Phrase.of("service.import.referenceTwice", row, safe(reference))));
            }
            if (request.isEmpty()) {
                errors.add(new FieldError(where, Phrase.of("service.import.textEmpty", row)));
            }
            LocalDate dueDate = null;
            if (!due.isEmpty()) {
                dueDate = date(due);
                if (dueDate == null) {
                    errors.add(new FieldError(where, Phrase.of("service.import.notDate", row, safe(due))));
                }
            }
            out.add(new RequestForm(reference, request, criteria.isEmpty() ? null : criteria, dueDate,
                    owner.isEmpty() ? null : owner));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (out.isEmpty()) {
            throw error("file", Phrase.of("service.import.noRequests"));
        }
        return out;
    }

    private static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw error("file", Phrase.of("service.import.notText"));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Excel's "CSV (comma delimited)" writes the Windows code page.
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The separator used most in the header line (outside quotes). */
    static char separator(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s, DOTTED);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String cell(CSVRecord rec, Integer i) {
        return i == null || i >= rec.size() ? "" : rec.get(i).strip();
    }

    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    private static ValidationException error(String field, Phrase message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
