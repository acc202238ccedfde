package io.auditflow.identity.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.auditflow.identity.UserLanguage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies a signed-in person's chosen language when their UI starts, before the first view is
 * built; without a choice Vaadin keeps the language it matched from the browser's Accept-Language.
 */
@Component
class LanguageSetup implements VaadinServiceInitListener {

    private final UserLanguage languages;

    LanguageSetup(UserLanguage languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
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
