package io.auditflow.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.inbox.TaskEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail page words actions and milestone entries for people: every action code the app writes
 * (found in the sources: {@code new AuditEvent(...)} and {@code trail.append(...)}) has words in English and
 * German, and a milestone entry's constants read as the milestone's and status's labels.
 */
class AuditWordsTest {

    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    @Test
    void every_action_code_the_app_writes_has_english_and_german_words() throws IOException {
        Set<String> codes = actionCodesInTheSources();
        // the ones the walk of 2026-12-01 saw raw, and at least as many codes as the app wrote then
        assertThat(codes).contains("SIGN_IN", "SIGN_IN_FAILED", "MILESTONE_PLANNED", "TASK_DUE_DATE_CHANGED", "USER_CREATED");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(28);
        Properties english = load("vaadin-i18n/translations.properties");
        Properties german = load("vaadin-i18n/translations_de.properties");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (!english.containsKey(AuditWords.ACTION_KEY + code)) {
                missing.add("English " + code);
            }
            if (!german.containsKey(AuditWords.ACTION_KEY + code)) {
                missing.add("German " + code);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void an_action_reads_as_words_and_an_unknown_code_as_it_is() {
        assertThat(AuditWords.action("SIGN_IN", Locale.ENGLISH)).isEqualTo("Signed in");
        assertThat(AuditWords.action("SIGN_IN", Locale.GERMAN)).isEqualTo("Angemeldet");
        assertThat(AuditWords.action("MILESTONE_PLANNED", Locale.GERMAN)).isEqualTo("Meilenstein geplant");
        assertThat(AuditWords.action("SOMETHING_OLD", Locale.GERMAN)).isEqualTo("SOMETHING_OLD");
    }

    @Test
    void a_milestone_entry_names_the_milestone_by_its_label_and_the_day_the_readers_way() {
        assertThat(AuditWords.details("MILESTONE_PLANNED", "MANAGEMENT_REVIEW cycle 1: planned 2027-01-15", Locale.ENGLISH))
                .isEqualTo("Management review, cycle 1: planned for 2027-01-15");
        assertThat(AuditWords.details("MILESTONE_PLANNED", "MANAGEMENT_REVIEW cycle 1: planned 2027-01-15", Locale.GERMAN))
                .isEqualTo("Managementbewertung, Zyklus 1: geplant für 15.01.2027");
        assertThat(AuditWords.details("MILESTONE_PLANNED", "STAGE2_AUDIT cycle 2: planned again 2027-03-01", Locale.ENGLISH))
                .isEqualTo("Stage 2 audit, cycle 2: planned again for 2027-03-01");
        assertThat(AuditWords.details("MILESTONE_DONE", "FIELDWORK_END cycle 1: done 2026-11-30", Locale.GERMAN))
                .isEqualTo("Ende der Prüfung vor Ort, Zyklus 1: erledigt am 30.11.2026");
        assertThat(AuditWords.details("MILESTONE_STATUS", "INTERNAL_AUDIT cycle 3: PLANNED -> AT_RISK", Locale.ENGLISH))
                .isEqualTo("Internal audit, cycle 3: Planned → At risk");
        assertThat(AuditWords.details("MILESTONE_STATUS", "INTERNAL_AUDIT cycle 3: PLANNED -> AT_RISK", Locale.GERMAN))
                .isEqualTo("Internes Audit, Zyklus 3: Geplant → Gefährdet");
    }

    @Test
    void other_details_and_ones_that_do_not_match_stay_as_stored() {
        assertThat(AuditWords.details("USER_ROLES_CHANGED", "[ADMIN] -> [EXECUTIVE]", Locale.GERMAN)).isEqualTo("[ADMIN] -> [EXECUTIVE]");
        assertThat(AuditWords.details("MILESTONE_PLANNED", "NO_SUCH_TYPE cycle 1: planned 2027-01-15", Locale.GERMAN))
                .isEqualTo("NO_SUCH_TYPE cycle 1: planned 2027-01-15");
        assertThat(AuditWords.details("MILESTONE_DONE", null, Locale.ENGLISH)).isEmpty();
    }

    // ---- reading the sources -------------------------------------------------------------------

    /**
     * The action argument of every {@code new AuditEvent(} (first) and {@code trail.append(} (second): its
     * upper-case literals; the two computed forms the app uses are expanded here, and any other computed form
     * fails the test, so a new one is taught to it rather than slipping past.
     */
    static Set<String> actionCodesInTheSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<String> unread = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(source, "new AuditEvent(", 0, file, codes, unread);
                collect(source, "trail.append(", 1, file, codes, unread);
            }
        }
        assertThat(unread).as("audit actions this test cannot read: teach it the form").isEmpty();
        return codes;
    }

    private static void collect(String source, String call, int argument, Path file, Set<String> codes, List<String> unread) {
        for (int at = source.indexOf(call); at >= 0; at = source.indexOf(call, at + 1)) {
            String arg = argument(source, at + call.length(), argument).strip();
            Matcher literal = CODE.matcher(arg);
            boolean found = false;
            while (literal.find()) {
                found = true;
                codes.add(literal.group(1));
            }
            String name = file.getFileName().toString();
            if (arg.equals("\"TASK_\" + kind")) {
                codes.remove("TASK_");
                codes.addAll(taskEventKinds());
            } else if (arg.equals("action") && name.equals("MilestoneService.java")) {
                Matcher calls = Pattern.compile("audit\\(\"([A-Z][A-Z0-9_]*)\"").matcher(source);
                while (calls.find()) {
                    codes.add(calls.group(1));
                }
            } else if (arg.equals("event.action()") && name.equals("AuditListener.java")) {
                continue; // passes on what the features publish, read above
            } else if (!found || !arg.matches("[\"A-Z0-9_ ?:a-z!]*")) {
                unread.add(name + ": " + arg);
            }
        }
    }

    /** The source text of the call's argument number {@code index}, from just after its opening parenthesis. */
    private static String argument(String source, int from, int index) {
        int depth = 0;
        int current = 0;
        boolean inString = false;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    arg.append(c).append(source.charAt(++i));
                    continue;
                }
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                if (current == index) {
                    break;
                }
                current++;
                continue;
            }
            if (current == index) {
                arg.append(c);
            }
        }
        return arg.toString();
    }

    /** Every kind of task event the inbox writes to the trail ("TASK_" + kind); comments stay with the task. */
    private static Set<String> taskEventKinds() {
        Set<String> kinds = new TreeSet<>();
        for (Field field : TaskEvent.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String kind = (String) field.get(null);
                    if (!TaskEvent.COMMENT.equals(kind)) {
                        kinds.add("TASK_" + kind);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return kinds;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditWordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
