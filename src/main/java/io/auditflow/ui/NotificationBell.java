package io.auditflow.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import io.auditflow.notification.Notification;
import io.auditflow.notification.NotificationService;
import io.auditflow.security.CurrentUser;
import java.util.List;

/**
 * The bell in the header: how many notifications are unread, and the newest ones, each linked to
 * its item. Opening one marks it read; "Mark all read" clears the count.
 */
public class NotificationBell extends Composite<Div> {

    static final int SHOWN = 10;

    final Button bell = new Button(new Icon(VaadinIcon.BELL_O));
    final Span count = new Span();
    final Div list = new Div();
    final Button markAll = new Button();
    final Popover popover = new Popover();
    private final NotificationService notifications;

    public NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        Div root = getContent();
        root.addClassName("notification-bell");
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        count.setId("notification-count");
        count.addClassName("notification-count");
        count.getElement().getThemeList().add("badge error pill small primary");
        count.getElement().setAttribute("aria-hidden", "true");
        root.add(bell, count);

        list.setId("notification-list");
        list.addClassName("notification-list");
        markAll.setText(Format.text("bell.markAll"));
        markAll.setId("notification-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        markAll.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        Div head = new Div(new H4(Format.text("bell.title")), markAll);
        head.addClassName("notification-head");
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.add(head, list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            }
        });
        root.add(popover);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    /**
     * Reads the count again, and the newest notifications when the list is open: a closed list holds no rows, since
     * every page carries the bell and ten rows of components per screen were a large share of its server memory.
     */
    public void refresh() {
        // Error pages can be drawn before anyone signed in: no one's notifications to show then.
        boolean signedIn = CurrentUser.username().isPresent();
        getContent().setVisible(signedIn);
        if (!signedIn) {
            return;
        }
        int unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", Format.text("bell.label", unread));
        bell.setTooltipText(Format.text("bell.label", unread));
        markAll.setEnabled(unread > 0);
        list.removeAll();
        if (!popover.isOpened()) {
            return;
        }
        List<Notification> newest = notifications.mine(false, SHOWN);
        if (newest.isEmpty()) {
            Span none = new Span(Format.text("bell.none"));
            none.addClassName("notification-none");
            list.add(none);
        }
        for (Notification n : newest) {
            list.add(row(n));
        }
    }

    private Div row(Notification n) {
        Span kind = new Span(Format.label(n.kind()));
        kind.addClassName("notification-kind");
        Span when = new Span(Format.dateTime(n.createdAt()));
        when.addClassName("notification-when");
        Div row;
        if (n.link() != null) {
            Anchor link = new Anchor(n.link().substring(1), n.subject(Format.locale()));
            link.addClassName("notification-subject");
            link.getElement().addEventListener("click", e -> {
                notifications.markRead(n.id());
                popover.close();
                refresh();
            });
            row = new Div(kind, link, when);
        } else {
            Span subject = new Span(n.subject(Format.locale()));
            subject.addClassName("notification-subject");
            row = new Div(kind, subject, when);
        }
        row.addClassName("notification-row");
        row.getElement().setAttribute("data-id", String.valueOf(n.id()));
        if (!n.read()) {
            row.addClassName("unread");
        }
        return row;
    }
}
