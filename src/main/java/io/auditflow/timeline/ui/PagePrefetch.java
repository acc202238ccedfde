package io.auditflow.timeline.ui;

import com.vaadin.flow.server.VaadinRequest;
import io.auditflow.identity.UserLanguage;
import java.security.Principal;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * What the timeline's and the dashboard's prefetches (decisions 0159, 0174) ask of the page request that opens
 * them: is it that page, for a signed-in person, and in which language will the view be written. The language is
 * {@link UserLanguage#forPage}'s, the same answer the page's {@code <html lang>} and the view get, so a prefetch
 * is made in the language the view then asks for.
 */
final class PagePrefetch {

    private PagePrefetch() {
    }

    /** The signed-in reader's page language, when {@code request} opens {@code path}; empty otherwise. */
    static Optional<Locale> reader(VaadinRequest request, String path, UserLanguage languages) {
        Principal user = request.getUserPrincipal();
        if (user == null || !path.equals(request.getPathInfo())) {
            return Optional.empty();
        }
        return Optional.of(languages.forPage(user.getName(), Collections.list(request.getLocales())));
    }
}
