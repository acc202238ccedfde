package io.auditflow.identity.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.auditflow.identity.UserLanguage;
import java.security.Principal;
import java.util.Collections;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies a signed-in person's chosen language when their UI starts, before the first view is
 * built; without a choice Vaadin keeps the language it matched from the browser's Accept-Language.
 * The page says the same language in {@code <html lang>} from its first byte, so a screen reader reads
 * German words with German pronunciation (WCAG 2.1, 3.1.1 Language of Page); a change of language in
 * the account page reloads the page, which asks again.
 */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    private final UserLanguage languages;

    LanguageSetup(UserLanguage languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            Principal user = request.getUserPrincipal();
            Locale page = languages.forPage(user == null ? null : user.getName(), Collections.list(request.getLocales()));
            response.getDocument().getElementsByTag("html").attr("lang", page.getLanguage());
        });
        event.getSource().addUIInitListener(e -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return;
            }
            languages.of(auth.getName()).ifPresent(locale -> {
                e.getUI().setLocale(locale);
                e.getUI().getSession().setLocale(locale);
            });
        });
    }

}
