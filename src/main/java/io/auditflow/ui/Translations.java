package io.auditflow.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.auditflow.common.Messages;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translation provider over the one bundle (common.Messages). It offers exactly the
 * shipped languages, so Vaadin picks English or German from the browser's Accept-Language.
 */
@Component
class Translations implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(key, locale, params);
    }
}
