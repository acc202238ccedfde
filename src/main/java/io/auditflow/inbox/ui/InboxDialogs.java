package io.auditflow.inbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.common.ValidationException;
import io.auditflow.inbox.BulkAction;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.ui.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/** The inbox's dialogs: the one confirmation of a bulk change (with its fields) and naming a saved filter. */
final class InboxDialogs {

    private InboxDialogs() {
    }

    static Dialog bulkClaim(InboxView view, List<String> ids) {
        return confirm(view, view.t("inbox.bulk.claimTitle", ids.size()), List.of(), Map.of(),
                () -> view.inbox().bulk(BulkAction.CLAIM, ids, null, null, null));
    }

    /** Assign to a member of the selected tasks' teams; the service checks each task's own team again. */
    static Dialog bulkAssign(InboxView view, List<String> ids, InboxService inbox) {
        ComboBox<String> assignee = new ComboBox<>(view.t("inbox.bulk.assignee"));
        assignee.setId("bulk-assignee");
        TreeSet<String> people = new TreeSet<>();
        Map<String, String> oneTaskPerTeam = new LinkedHashMap<>();
        for (InboxTask task : view.selectedTasks()) {
            oneTaskPerTeam.putIfAbsent(String.valueOf(task.candidateGroup()), task.id());
        }
        oneTaskPerTeam.values().forEach(id -> people.addAll(inbox.possibleAssignees(id)));
        assignee.setItems(people);
        assignee.setItemLabelGenerator(view::personChoice);
        assignee.setWidthFull();
        return confirm(view, view.t("inbox.bulk.assignTitle", ids.size()), List.of(assignee), Map.of("assignee", assignee),
                () -> inbox.bulk(BulkAction.ASSIGN, ids, assignee.getValue(), null, null));
    }

    /** Moves the tasks' own due dates (never a milestone); the reason is kept in each task's history. */
    static Dialog bulkDueDate(InboxView view, List<String> ids) {
        DatePicker date = new DatePicker(view.t("inbox.bulk.newDue"));
        date.setId("bulk-due-date");
        TextField reason = new TextField(view.t("inbox.bulk.reason"));
        reason.setId("bulk-due-reason");
        reason.setMaxLength(InboxService.MAX_REASON);
        reason.setWidthFull();
        return confirm(view, view.t("inbox.bulk.dueTitle", ids.size()), List.of(date, reason),
                Map.of("dueDate", date, "reason", reason),
                () -> view.inbox().bulk(BulkAction.DUE_DATE, ids, null, date.getValue(), reason.getValue()));
    }

    private static Dialog confirm(InboxView view, String title, List<Component> fields,
                                  Map<String, com.vaadin.flow.component.HasValidation> validated,
                                  Supplier<io.auditflow.inbox.BulkResult> run) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setId("bulk-dialog");
        dialog.setWidth("min(32rem, 95vw)");
        dialog.add(new Paragraph(view.t("inbox.bulk.explain")));
        fields.forEach(dialog::add);
        Button ok = new Button(view.t("inbox.bulk.confirm"), e -> {
            try {
                var result = run.get();
                dialog.close();
                view.showResult(result);
            } catch (ValidationException ex) {
                String rest = FieldErrors.show(ex, validated);
                if (!rest.isEmpty()) {
                    io.auditflow.ui.Notifications.error(rest);
                }
            } catch (org.springframework.security.access.AccessDeniedException ex) {
                dialog.close();
                io.auditflow.ui.Notifications.error(io.auditflow.ui.Format.problem(ex));
            }
        });
        ok.setId("bulk-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(view.t("inbox.cancel"), e -> dialog.close());
        cancel.setId("bulk-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        return dialog;
    }

    /** Asks for a name; {@code save} answers null when saved, else the message to show next to the field. */
    static Dialog saveFilter(InboxView view, Function<String, String> save) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(view.t("inbox.saved.saveTitle"));
        dialog.setId("save-filter-dialog");
        TextField name = new TextField(view.t("inbox.saved.name"));
        name.setId("save-filter-name");
        name.setMaxLength(io.auditflow.inbox.InboxPreferences.MAX_FILTER_NAME);
        name.setWidthFull();
        dialog.add(name);
        Button ok = new Button(view.t("inbox.saved.save"), e -> {
            String error = save.apply(name.getValue());
            if (error == null) {
                dialog.close();
            } else {
                name.setErrorMessage(error);
                name.setInvalid(true);
            }
        });
        ok.setId("save-filter-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(view.t("inbox.cancel"), e -> dialog.close()), ok);
        dialog.open();
        return dialog;
    }
}
