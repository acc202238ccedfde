package io.auditflow.identity;

import io.auditflow.common.Messages;
import io.auditflow.common.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's chosen language (English or German); dates follow it (common.Formats). Without a
 * choice the browser's Accept-Language decides. Applied to the UI when it starts after sign-in.
 */
@Service
@Transactional
public class UserLanguage {

    private final JdbcTemplate jdbc;

    UserLanguage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Locale> of(String username) {
        List<String> stored = jdbc.queryForList("select language from user_language where username = ?", String.class, username);
        return stored.stream().findFirst().map(Locale::forLanguageTag);
    }

    /**
     * The one answer to "in which language do we write to this person" for everything that is not a
     * screen (mails, calendar feeds): their choice, else English (a mail has no browser to ask).
     */
    @Transactional(readOnly = true)
    public Locale forRecipient(String username) {
        return username == null ? Locale.ENGLISH : Messages.language(of(username).orElse(Locale.ENGLISH));
    }

    /**
     * The one answer to "in which language is this page written" (pages, their {@code <html lang>}, and what a
     * page prefetches): the person's choice, else the first of the browser's languages (in its order of
     * preference) that Auditflow ships, as Vaadin matches the UI's locale, else English.
     */
    @Transactional(readOnly = true)
    public Locale forPage(String username, List<Locale> browserLanguages) {
        Optional<Locale> chosen = username == null ? Optional.empty() : of(username);
        return pageLanguage(chosen.orElse(null), browserLanguages);
    }

    /** {@link #forPage(String, List)} for a choice already read ({@code null}: none). */
    public static Locale pageLanguage(Locale chosen, List<Locale> browserLanguages) {
        if (chosen != null) {
            return Messages.language(chosen);
        }
        return browserLanguages.stream()
                .filter(b -> Messages.LANGUAGES.stream().anyMatch(s -> s.getLanguage().equals(b.getLanguage())))
                .findFirst().map(Messages::language).orElse(Locale.ENGLISH);
    }

    /** A person sets their own language; an admin may set anyone's. */
    @PreAuthorize("isAuthenticated() and (#username == authentication.name or hasRole('ADMIN'))")
    public void set(String username, Locale language) {
        if (language == null || !Messages.LANGUAGES.contains(language)) {
            throw new ValidationException("language", "Choose English or German");
        }
        int updated = jdbc.update("update user_language set language = ? where username = ?", language.getLanguage(), username);
        if (updated == 0) {
            jdbc.update("insert into user_language (username, language) values (?, ?)", username, language.getLanguage());
        }
    }
}
