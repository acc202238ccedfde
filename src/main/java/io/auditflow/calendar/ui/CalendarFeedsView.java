package io.auditflow.calendar.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.calendar.CalendarFeedService;
import io.auditflow.calendar.FeedKind;
import io.auditflow.common.Formats;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Each user's calendar feed URLs for Outlook or Google Calendar. Only a hash is stored, so a URL is
 * shown once, right after it is made; regenerating makes a new one and the old one stops working.
 */
@Route("feeds")
@PageTitle("Calendar feeds")
@Menu(order = 80, icon = "vaadin:calendar", title = "Calendar feeds")
@PermitAll
class CalendarFeedsView extends VerticalLayout {

    final Map<FeedKind, TextField> urls = new EnumMap<>(FeedKind.class);
    final Map<FeedKind, Button> regenerate = new EnumMap<>(FeedKind.class);
    final Map<FeedKind, Button> turnOff = new EnumMap<>(FeedKind.class);
    final Map<FeedKind, Paragraph> state = new EnumMap<>(FeedKind.class);
    /** The organisation's zone (auditflow.zone), in which "active since" is written; a test may set another. */
    ZoneId zone = Format.zone();
    private final CalendarFeedService feeds;

    CalendarFeedsView(CalendarFeedService feeds) {
        this.feeds = feeds;
        addClassName("calendar-feeds");
        setMaxWidth("60rem");
        add(new Paragraph(Format.text("feeds.intro")));
        for (FeedKind kind : FeedKind.values()) {
            add(section(kind));
        }
    }

    private Div section(FeedKind kind) {
        String id = kind.path();
        H3 title = new H3(Format.label(kind));
        Paragraph what = new Paragraph(Format.text("feeds.what." + kind.name()));
        Paragraph status = new Paragraph();
        status.setId("feed-state-" + id);
        state.put(kind, status);
        TextField url = new TextField();
        url.setReadOnly(true);
        url.setWidthFull();
        url.addClassName("feed-url");
        url.setId("feed-url-" + id);
        url.setVisible(false);
        urls.put(kind, url);
        Button copy = new Button(Format.text("feeds.copy"), new Icon(VaadinIcon.COPY), e -> url.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url.getValue()));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.setVisible(false);
        url.addValueChangeListener(e -> copy.setVisible(!e.getValue().isEmpty()));
        Button make = new Button("", new Icon(VaadinIcon.REFRESH), e -> {
            url.setValue(feeds.regenerate(kind));
            url.setVisible(true);
            Notifications.success(Format.text("feeds.regenerated"));
            refresh(kind);
        });
        make.setId("feed-regenerate-" + id);
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        regenerate.put(kind, make);
        Button off = new Button(Format.text("feeds.turnOff"), e -> {
            feeds.revoke(kind);
            url.clear();
            url.setVisible(false);
            Notifications.success(Format.text("feeds.turnedOff"));
            refresh(kind);
        });
        off.setId("feed-off-" + id);
        off.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        turnOff.put(kind, off);
        HorizontalLayout urlRow = new HorizontalLayout(url, copy);
        urlRow.setWidthFull();
        urlRow.setAlignItems(Alignment.BASELINE);
        Div section = new Div(title, what, status, urlRow, new HorizontalLayout(make, off));
        section.addClassName("dash-card");
        section.setWidthFull();
        refresh(kind);
        return section;
    }

    private void refresh(FeedKind kind) {
        var since = feeds.activeSince(kind);
        state.get(kind).setText(since
                .map(i -> Format.text("feeds.activeSince", Formats.dateTime(i, zone, Format.locale()))
                        + (urls.get(kind).isEmpty() ? Format.text("feeds.shownOnce") : ""))
                .orElse(Format.text("feeds.none")));
        regenerate.get(kind).setText(Format.text(since.isPresent() ? "feeds.regenerate" : "feeds.create"));
        turnOff.get(kind).setVisible(since.isPresent());
    }
}
