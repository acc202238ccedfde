package io.auditflow.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Phrase} kept in the database and worded when it is read (decision 0181): a notification is written
 * once and read later by its reader, in the reader's language of that day. Only the storing is here; the
 * wording stays {@link Messages#word}. Arguments keep their kind: text, numbers, days, enums (worded by
 * their label), nested phrases and {@link Data} (stored data worded by the feature that owns its words,
 * a task name). Any other {@link Worded} is kept as its English words.
 */
public final class StoredPhrase {

    /** The kind of {@link Data} a task's name is (worded by the inbox like its rows). */
    public static final String TASK_NAME = "task.name";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enums are read back only from the app's own classes. */
    private static final String OWN = "io.auditflow.";

    private StoredPhrase() {
    }

    /**
     * Stored data as a phrase argument that can be kept: its kind names the feature's words ({@link Kind}),
     * {@code stored} is the data as stored (English), {@code words} words it now.
     */
    public record Data(String kind, String stored, Worded words) implements Worded {

        @Override
        public String in(Locale locale) {
            return words.in(locale);
        }
    }

    /** The words of one kind of {@link Data}, offered as a bean by the feature that owns them (inbox: task names). */
    public interface Kind {

        String kind();

        Worded of(String stored);
    }

    /** The arguments as JSON (the key is kept on its own). */
    public static String args(Phrase phrase) {
        return write(phrase.args()).toString();
    }

    /** The phrase again; arguments of a kind no feature words any more come back as their stored text. */
    public static Phrase read(String key, String args, Map<String, Kind> kinds) {
        try {
            return new Phrase(key, read((ArrayNode) JSON.readTree(args == null || args.isBlank() ? "[]" : args), kinds));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a stored phrase: " + key + " " + args, e);
        }
    }

    private static ArrayNode write(List<Object> args) {
        ArrayNode out = JSON.createArrayNode();
        for (Object a : args) {
            ObjectNode node = out.addObject();
            if (a == null) {
                node.put("t", "null");
            } else if (a instanceof Phrase p) {
                node.put("t", "p").put("k", p.key()).set("a", write(p.args()));
            } else if (a instanceof Data d) {
                node.put("t", "w").put("k", d.kind()).put("v", d.stored());
            } else if (a instanceof Worded w) {
                node.put("t", "s").put("v", w.in(Locale.ENGLISH));
            } else if (a instanceof LocalDate day) {
                node.put("t", "d").put("v", day.toString());
            } else if (a instanceof Enum<?> e) {
                node.put("t", "e").put("c", e.getDeclaringClass().getName()).put("v", e.name());
            } else if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
                node.put("t", "n").put("v", ((Number) a).longValue());
            } else if (a instanceof Number n) {
                node.put("t", "f").put("v", n.doubleValue());
            } else {
                node.put("t", "s").put("v", String.valueOf(a));
            }
        }
        return out;
    }

    private static List<Object> read(ArrayNode args, Map<String, Kind> kinds) throws ClassNotFoundException {
        List<Object> out = new ArrayList<>();
        for (JsonNode a : args) {
            String v = a.path("v").asText(null);
            out.add(switch (a.path("t").asText()) {
                case "null" -> null;
                case "p" -> new Phrase(a.path("k").asText(), read((ArrayNode) a.path("a"), kinds));
                case "w" -> Optional.ofNullable(kinds.get(a.path("k").asText())).map(k -> k.of(v))
                        .map(w -> (Object) new Data(a.path("k").asText(), v, w))
                        .orElse(new Data(a.path("k").asText(), v, locale -> v));
                case "d" -> LocalDate.parse(v);
                case "e" -> constant(a.path("c").asText(), v);
                case "n" -> a.path("v").asLong();
                case "f" -> a.path("v").asDouble();
                default -> v;
            });
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(String type, String name) throws ClassNotFoundException {
        if (!type.startsWith(OWN)) {
            return name;
        }
        Class<?> c = Class.forName(type, false, StoredPhrase.class.getClassLoader());
        if (!c.isEnum()) {
            return name;
        }
        try {
            return Enum.valueOf((Class) c, name);
        } catch (IllegalArgumentException renamed) {
            return name;
        }
    }
}
