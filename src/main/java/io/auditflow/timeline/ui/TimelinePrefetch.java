package io.auditflow.timeline.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.auditflow.identity.UserLanguage;
import io.auditflow.timeline.TimelineQuery;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Starts fetching the timeline drawing from the page that opens {@code /timeline}, while Vaadin's
 * bundle loads and its first round trip builds the view, instead of after them (decision 0159).
 * {@link TimelineView#LOAD_SCRIPT} takes the answer if it asked for the same address (the unfiltered
 * drawing in the reader's language), else fetches its own. Only a small inline script of one fetch:
 * the drawing itself is still the cached, compressed resource of decision 0080.
 */
@Component
class TimelinePrefetch implements VaadinServiceInitListener {

    private final UserLanguage languages;

    TimelinePrefetch(UserLanguage languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            PagePrefetch.reader(response.getVaadinRequest(), "/timeline", languages).ifPresent(locale ->
                    response.getDocument().head().appendElement("script")
                            .appendChild(new org.jsoup.nodes.DataNode(script(address(locale)))));
        });
    }

    /** The address the view asks for first: no filters, the reader's language. */
    static String address(Locale locale) {
        return Urls.drawing(TimelineQuery.all(), locale);
    }

    /** The address is made of enum names and a language code only, so it needs no escaping inside quotes. */
    static String script(String url) {
        return "window.afTimeline={url:'" + url + "',answer:fetch('" + url
                + "',{credentials:'same-origin'}).catch(()=>null)};";
    }
}
