package io.auditflow.inbox;

import io.auditflow.common.Validation;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inbox remembers per person: the sort order and their saved filters. Always the
 * signed-in user's own rows; nobody reads or writes someone else's.
 */
@Service
@Transactional
public class InboxPreferences {

    public static final int MAX_SAVED_FILTERS = 20;
    public static final int MAX_FILTER_NAME = 60;
    private static final String SORT = "inbox.sort";
    private static final String FILTER = "inbox.filter.";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboxPreferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The caller's remembered sort, or due date ascending. A stored value this version no longer knows falls back too. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public TaskSort sort() {
        return read(SORT).map(v -> {
            try {
                return TaskSort.parse(v);
            } catch (RuntimeException e) {
                return TaskSort.DEFAULT;
            }
        }).orElse(TaskSort.DEFAULT);
    }

    @PreAuthorize(Roles.CAN_WORK)
    public void rememberSort(TaskSort sort) {
        write(SORT, (sort == null ? TaskSort.DEFAULT : sort).code());
    }

    /** The caller's own saved filters by name, in name order; values are {@link SavedFilter#encode()} texts. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK)
    public List<SavedFilter> savedFilters() {
        return jdbc.query("select pref_key, pref_value from user_preference where username = ? and pref_key like ?"
                        + " order by pref_key", (rs, i) -> SavedFilter.decode(rs.getString(1).substring(FILTER.length()),
                        rs.getString(2)), CurrentUser.require(), FILTER + "%");
    }

    /** Saves (or replaces) one of the caller's filters under a name of their choosing. */
    @PreAuthorize(Roles.CAN_WORK)
    public SavedFilter saveFilter(String name, TaskFilter filter) {
        String clean = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        new Validation()
                .check(!clean.isEmpty(), "name", "Give the filter a name")
                .check(clean.length() <= MAX_FILTER_NAME, "name", "Keep the name under " + MAX_FILTER_NAME + " characters")
                .check(savedFilters().size() < MAX_SAVED_FILTERS || read(FILTER + clean).isPresent(), "name",
                        "You have " + MAX_SAVED_FILTERS + " saved filters; delete one first")
                .throwIfInvalid();
        SavedFilter saved = new SavedFilter(clean, filter);
        write(FILTER + clean, saved.encode());
        return saved;
    }

    @PreAuthorize(Roles.CAN_WORK)
    public void deleteFilter(String name) {
        jdbc.update("delete from user_preference where username = ? and pref_key = ?", CurrentUser.require(),
                FILTER + (name == null ? "" : name.strip()));
    }

    private Optional<String> read(String key) {
        return jdbc.queryForList("select pref_value from user_preference where username = ? and pref_key = ?",
                String.class, CurrentUser.require(), key).stream().findFirst();
    }

    private void write(String key, String value) {
        String me = CurrentUser.require();
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update user_preference set pref_value = ?, updated_at = ? where username = ? and pref_key = ?",
                value, now, me, key) == 0) {
            jdbc.update("insert into user_preference (username, pref_key, pref_value, updated_at) values (?,?,?,?)",
                    me, key, value, now);
        }
    }

    /** A named filter: the list and the filter values, kept as a short {@code key=value;...} text. */
    public record SavedFilter(String name, TaskFilter filter) {

        String encode() {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("view", filter.view() == null ? "" : filter.view().name());
            parts.put("program", filter.programId() == null ? "" : filter.programId().toString());
            parts.put("framework", filter.framework() == null ? "" : filter.framework().name());
            parts.put("due", filter.due() == null ? "" : filter.due().name());
            parts.put("controls", filter.controlActivities() ? "1" : "");
            parts.put("q", filter.q() == null ? "" : filter.q().replace(";", " ").replace("=", " "));
            StringBuilder sb = new StringBuilder();
            parts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
            return sb.length() > 1000 ? sb.substring(0, 1000) : sb.toString();
        }

        static SavedFilter decode(String name, String text) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return new SavedFilter(name, new TaskFilter(
                    value(TaskListView.class, parts.get("view")),
                    number(parts.get("program")),
                    value(io.auditflow.program.Framework.class, parts.get("framework")),
                    value(DueWindow.class, parts.get("due")),
                    blankToNull(parts.get("q")), "1".equals(parts.get("controls"))));
        }

        private static <E extends Enum<E>> E value(Class<E> type, String v) {
            try {
                return v == null || v.isBlank() ? null : Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static Long number(String v) {
            try {
                return v == null || v.isBlank() ? null : Long.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v;
        }
    }
}
