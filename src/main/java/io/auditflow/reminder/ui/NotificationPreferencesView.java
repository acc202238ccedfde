package io.auditflow.reminder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ValidationException;
import io.auditflow.reminder.Delivery;
import io.auditflow.reminder.NotificationCategory;
import io.auditflow.reminder.NotificationPreferences;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.Map;

/** Every signed-in person chooses, per kind of mail, one mail each, the daily digest or nothing. */
@Route("preferences/notifications")
@PageTitle("Notification preferences")
@Menu(order = 80, icon = "vaadin:bell-o", title = "Notification preferences")
@PermitAll
class NotificationPreferencesView extends VerticalLayout {

    final Map<NotificationCategory, RadioButtonGroup<Delivery>> choices = new EnumMap<>(NotificationCategory.class);
    final Button save = new Button(io.auditflow.ui.Format.text("common.save"));

    private final NotificationPreferences preferences;
    private final String username;

    NotificationPreferencesView(NotificationPreferences preferences) {
        this.preferences = preferences;
        this.username = CurrentUser.require();
        setMaxWidth("720px");
        add(new Paragraph(getTranslation("notificationPrefs.intro")));
        Map<NotificationCategory, Delivery> current = preferences.of(username);
        for (NotificationCategory category : NotificationCategory.values()) {
            RadioButtonGroup<Delivery> group = new RadioButtonGroup<>(io.auditflow.ui.Format.label(category));
            group.setId("pref-" + category.name().toLowerCase().replace('_', '-'));
            group.setItems(Delivery.values());
            group.setItemLabelGenerator(io.auditflow.ui.Format::label);
            group.setValue(current.get(category));
            if (!category.optional()) {
                group.setItemEnabledProvider(d -> d == Delivery.IMMEDIATE);
                group.setReadOnly(true);
                group.setHelperText(getTranslation("notificationPrefs.escalationHelp"));
            }
            choices.put(category, group);
            add(group);
        }
        save.setId("pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(save);
    }

    void save() {
        try {
            for (var entry : choices.entrySet()) {
                if (entry.getKey().optional()) {
                    preferences.set(username, entry.getKey(), entry.getValue().getValue());
                }
            }
            Notifications.success(getTranslation("notificationPrefs.saved"));
        } catch (ValidationException ex) {
            ex.errors().forEach(err -> {
                try {
                    RadioButtonGroup<Delivery> group = choices.get(NotificationCategory.valueOf(err.field()));
                    group.setErrorMessage(io.auditflow.ui.Format.service(err.message()));
                    group.setInvalid(true);
                } catch (IllegalArgumentException notACategory) {
                    Notifications.error(io.auditflow.ui.Format.service(err.message()));
                }
            });
        }
    }
}
