package io.auditflow.evidence.ui;

import io.auditflow.common.Problems;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceFile;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.evidence.EvidenceUpload;
import io.auditflow.inbox.TaskDetails;
import io.auditflow.ui.Notifications;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evidence of one task: upload (several files at once, dated by the uploader), the list with
 * download links, and a flag on evidence dated outside the observation window.
 */
class EvidencePanel extends VerticalLayout {

    final Upload upload = new Upload();
    final DatePicker evidenceDate = new DatePicker("Evidence dated");
    final Grid<Evidence> grid = new Grid<>(Evidence.class, false);
    final Span error = new Span();

    private final EvidenceService evidence;
    private final TaskDetails details;

    EvidencePanel(EvidenceService evidence, TaskDetails details, Clock clock) {
        this.evidence = evidence;
        this.details = details;
        setPadding(false);
        addClassName("evidence-panel");
        setId("evidence-panel");

        H4 title = new H4("Evidence");
        title.addClassName("task-section");
        add(title);
        if (details.observationWindow() != null) {
            add(new Span("Counts only when dated " + details.observationWindow().start() + " to "
                    + details.observationWindow().end() + "."));
        }
        if (details.task().open()) {
            evidenceDate.setValue(LocalDate.now(clock));
            evidenceDate.setMax(LocalDate.now(clock));
            evidenceDate.setHelperText("The day the evidence is from; applies to the next files you add");
            evidenceDate.setId("evidence-date");
            io.auditflow.ui.Format.pickers(evidenceDate);
            upload.setId("evidence-upload");
            upload.setMaxFiles(20);
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, evidence.settings().maxSize().toBytes()));
            upload.setAcceptedFileTypes(evidence.settings().allowedTypes().stream().map(t -> "." + t).toArray(String[]::new));
            upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> receive(meta.fileName(), bytes)));
            // The same limit and words as the API's 413 and the service's own check.
            upload.setI18n(new com.vaadin.flow.component.upload.UploadI18N().setError(
                    new com.vaadin.flow.component.upload.UploadI18N.Error().setFileIsTooBig(
                            Problems.tooLarge("The file", evidence.settings().maxSize()))));
            upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
            Span hint = new Span("Allowed: " + evidence.settings().allowedTypes().stream().collect(Collectors.joining(", "))
                    + "; up to " + evidence.settings().maxSize().toMegabytes() + " MB each.");
            hint.addClassName("evidence-hint");
            add(evidenceDate, upload, hint);
        }
        error.addClassName("form-error");
        error.setId("evidence-error");
        error.setVisible(false);
        add(error);

        grid.addColumn(Evidence::fileName).setHeader("File").setKey("file").setFlexGrow(2);
        grid.addComponentColumn(e -> {
            Span s = new Span(io.auditflow.ui.Format.date(e.evidenceDate()) + (Boolean.TRUE.equals(e.outsideWindow()) ? " · outside window" : ""));
            if (Boolean.TRUE.equals(e.outsideWindow())) {
                s.addClassName("evidence-outside");
            }
            return s;
        }).setHeader("Dated").setKey("dated").setAutoWidth(true);
        grid.addColumn(e -> e.uploadedBy()).setHeader("By").setKey("by").setAutoWidth(true);
        grid.addColumn(e -> e.sha256().substring(0, 12) + "…").setHeader("SHA-256").setKey("sha").setAutoWidth(true);
        grid.addComponentColumn(this::downloadLink).setHeader("").setKey("download").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setId("evidence-grid");
        add(grid);
        refresh();
    }

    void refresh() {
        List<Evidence> items = evidence.ofTask(details.task().id());
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
    }

    /** Called once per uploaded file; every check is the service's, so the API refuses the same files. */
    void receive(String fileName, byte[] bytes) {
        try {
            List<Evidence> stored = evidence.upload(details.task().id(), List.of(new EvidenceUpload(fileName, bytes)),
                    evidenceDate.getValue());
            error.setVisible(false);
            evidenceDate.setInvalid(false);
            Notifications.success("Added " + stored.get(0).fileName()
                    + (Boolean.TRUE.equals(stored.get(0).outsideWindow()) ? " (dated outside the observation window)" : ""));
            refresh();
        } catch (ValidationException e) {
            String dateMessage = e.messageFor("evidenceDate");
            evidenceDate.setInvalid(dateMessage != null);
            evidenceDate.setErrorMessage(dateMessage);
            showError(e.errors().stream().map(io.auditflow.common.FieldError::message).collect(Collectors.joining(" ")));
        } catch (ConflictException | NotFoundException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        Notifications.error(message);
    }

    private Anchor downloadLink(Evidence e) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            EvidenceFile file = evidence.download(e.id());
            return new DownloadResponse(file.open(), e.fileName(), e.contentType(), e.size());
        }), "Download");
        link.setDownload(true);
        return link;
    }

}
