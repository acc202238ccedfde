package io.auditflow.reminder;

import io.auditflow.common.ValidationException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice per category: one mail each, the daily digest, or nothing. Escalations
 * cannot be moved or switched off; the rule lives here so no caller can bypass it.
 */
@Service
@Transactional
public class NotificationPreferences {

    private final JdbcTemplate jdbc;

    NotificationPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How the user receives the category; IMMEDIATE unless they chose otherwise, always IMMEDIATE for escalations. */
    @Transactional(readOnly = true)
    public Delivery deliveryFor(String username, NotificationCategory category) {
        if (!category.optional()) {
            return Delivery.IMMEDIATE;
        }
        List<String> stored = jdbc.queryForList("select delivery from notification_preference where username = ? and category = ?",
                String.class, username, category.name());
        return stored.isEmpty() ? Delivery.IMMEDIATE : Delivery.valueOf(stored.get(0));
    }

    @Transactional(readOnly = true)
    public Map<NotificationCategory, Delivery> of(String username) {
        Map<NotificationCategory, Delivery> result = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory c : NotificationCategory.values()) {
            result.put(c, deliveryFor(username, c));
        }
        return result;
    }

    /** Users who get a digest for at least one category. */
    @Transactional(readOnly = true)
    public List<String> digestUsers() {
        return jdbc.queryForList("select distinct username from notification_preference where delivery = 'DIGEST' order by username",
                String.class);
    }

    /** A person changes their own preferences; an admin may change anyone's. */
    @PreAuthorize("isAuthenticated() and (#username == authentication.name or hasRole('ADMIN'))")
    public void set(String username, NotificationCategory category, Delivery delivery) {
        if (category == null || delivery == null) {
            throw new ValidationException(category == null ? "category" : "delivery", "Choose a value");
        }
        if (!category.optional() && delivery != Delivery.IMMEDIATE) {
            throw new ValidationException(category.name(),
                    "Escalations of overdue tasks always come right away; they cannot be moved to the digest or switched off");
        }
        int updated = jdbc.update("update notification_preference set delivery = ? where username = ? and category = ?",
                delivery.name(), username, category.name());
        if (updated == 0) {
            jdbc.update("insert into notification_preference (username, category, delivery) values (?, ?, ?)",
                    username, category.name(), delivery.name());
        }
    }
}
