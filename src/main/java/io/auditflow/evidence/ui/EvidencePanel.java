package io.auditflow.evidence.ui;

import io.auditflow.common.Problems;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The evidence of one task: upload (several files at once, dated by the uploader), the list with
 * download links, and a flag on evidence dated outside the observation window.
 */
class EvidencePanel extends VerticalLayout {

    final Upload upload = new Upload();
    final DatePicker evidenceDate = new DatePicker(io.auditflow.ui.Format.text("evidence.datedLabel"));
    final Grid<Evidence> grid = new Grid<>(Evidence.class, false);
    final Span error = new Span();
    /** Each file of the current batch with its state: checking, accepted, or refused with the reason. */
    final Div states = new Div();
    private final Map<String, Div> stateByName = new LinkedHashMap<>();
    /** Files whose outcome arrived before the browser's "started" event, and files started but not settled. */
    private final java.util.Set<String> settledBeforeStart = new java.util.HashSet<>();
    private final java.util.Set<String> startedNotSettled = new java.util.HashSet<>();
    private int accepted;
    private int refused;

    private final EvidenceService evidence;
    private final TaskDetails details;

    EvidencePanel(EvidenceService evidence, TaskDetails details, Clock clock) {
        this.evidence = evidence;
        this.details = details;
        setPadding(false);
        addClassName("evidence-panel");
        setId("evidence-panel");

        H4 title = new H4(getTranslation("evidence.heading"));
        title.addClassName("task-section");
        add(title);
        if (details.observationWindow() != null) {
            add(new Span(getTranslation("evidence.window", io.auditflow.ui.Format.date(details.observationWindow().start()),
                    io.auditflow.ui.Format.date(details.observationWindow().end()))));
        }
        if (details.task().open()) {
            evidenceDate.setValue(LocalDate.now(clock));
            evidenceDate.setMax(LocalDate.now(clock));
            evidenceDate.setHelperText(getTranslation("evidence.dateHelp"));
            evidenceDate.setId("evidence-date");
            io.auditflow.ui.Format.pickers(evidenceDate);
            upload.setId("evidence-upload");
            io.auditflow.ui.UploadTexts.apply(upload);
            upload.setMaxFiles(20);
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, evidence.settings().maxSize().toBytes()));
            upload.setAcceptedFileTypes(evidence.settings().allowedTypes().stream().map(t -> "." + t).toArray(String[]::new));
            upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> receive(meta.fileName(), bytes)));
            // The same limit and words as the API's 413 and the service's own check.
            // Keeps the reader's upload texts (ui.UploadTexts) and only adds the size limit's words.
            com.vaadin.flow.component.upload.UploadI18N i18n = upload.getI18n() != null ? upload.getI18n()
                    : new com.vaadin.flow.component.upload.UploadI18N();
            if (i18n.getError() == null) {
                i18n.setError(new com.vaadin.flow.component.upload.UploadI18N.Error());
            }
            i18n.getError().setFileIsTooBig(io.auditflow.ui.Format.phrase(Problems.tooLarge(Problems.THE_FILE, evidence.settings().maxSize())));
            upload.setI18n(i18n);
            upload.addFileRejectedListener(e -> {
                settle(e.getFileName(), false, e.getErrorMessage());
                settledBeforeStart.remove(e.getFileName()); // refused in the browser: it never starts
                showError(e.getErrorMessage());
            });
            // The browser says when a file starts; the server says whether it was accepted.
            upload.getElement().addEventListener("upload-start",
                    e -> checking(e.getEventData().get("event.detail.file.name").asString()))
                    .addEventData("event.detail.file.name");
            Span hint = new Span(getTranslation("evidence.allowed", evidence.settings().allowedTypes().stream().collect(Collectors.joining(", ")),
                    String.valueOf(evidence.settings().maxSize().toMegabytes())));
            hint.addClassName("evidence-hint");
            add(evidenceDate, upload, hint);
        }
        states.setId("upload-states");
        states.addClassName("upload-states");
        states.setVisible(false);
        add(states);
        error.addClassName("form-error");
        error.setId("evidence-error");
        error.setVisible(false);
        add(error);

        grid.addColumn(Evidence::fileName).setHeader(getTranslation("evidence.column.file")).setKey("file").setFlexGrow(2);
        grid.addComponentColumn(e -> {
            Span s = new Span(io.auditflow.ui.Format.date(e.evidenceDate())
                    + (Boolean.TRUE.equals(e.outsideWindow()) ? getTranslation("evidence.outsideWindow") : ""));
            if (Boolean.TRUE.equals(e.outsideWindow())) {
                s.addClassName("evidence-outside");
            }
            return s;
        }).setHeader(getTranslation("evidence.column.dated")).setKey("dated").setAutoWidth(true);
        grid.addColumn(e -> e.uploadedBy()).setHeader(getTranslation("evidence.column.by")).setKey("by").setAutoWidth(true);
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
            settle(fileName, true, Boolean.TRUE.equals(stored.get(0).outsideWindow())
                    ? getTranslation("inbox.upload.outsideWindow") : null);
            refresh();
        } catch (ValidationException e) {
            String dateMessage = io.auditflow.ui.Format.errorsFor(e, "evidenceDate");
            evidenceDate.setInvalid(dateMessage != null);
            evidenceDate.setErrorMessage(dateMessage);
            String message = io.auditflow.ui.Format.errors(e);
            refuse(fileName, message);
        } catch (ConflictException | NotFoundException e) {
            refuse(fileName, e.getMessage());
        }
    }

    private void refuse(String fileName, String message) {
        settle(fileName, false, message);
        // The upload's own list would keep its check mark (the transfer itself worked): mark it refused there too.
        upload.getElement().executeJs("const f = (this.files || []).find(x => x.name === $0 && !x.error);"
                + " if (f) { f.error = $1; f.complete = false; this.files = [...this.files]; }", fileName, message);
        error.setText(message);
        error.setVisible(true);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A file of a new batch has started: clear the last batch's states once it has settled. */
    void checking(String fileName) {
        if (fileName == null) {
            return;
        }
        // The file and the browser's "started" event travel in two requests: when the file's outcome
        // came first, this event is late news about it and must not start a new batch (that wiped the
        // outcome and left the file "checking" for good).
        if (settledBeforeStart.remove(fileName)) {
            return;
        }
        startedNotSettled.add(fileName);
        if (!stateByName.isEmpty() && stateByName.values().stream().noneMatch(d -> d.hasClassName("checking"))) {
            stateByName.clear();
            states.removeAll();
            accepted = 0;
            refused = 0;
        }
        if (!stateByName.containsKey(fileName)) {
            state(fileName, "checking", getTranslation("inbox.upload.checking"));
        }
        // No server push here: while files are checked, the page asks every second, so an accepted or
        // refused file shows at once and not at the next click or heartbeat.
        getUI().ifPresent(ui -> ui.setPollInterval(1000));
    }

    /** Records the outcome of one file; when no file is still being checked, says once how the batch went. */
    private void settle(String fileName, boolean ok, String detail) {
        String name = fileName == null ? "?" : fileName;
        if (!startedNotSettled.remove(name)) {
            settledBeforeStart.add(name);
        }
        if (ok) {
            accepted++;
            state(name, "accepted", getTranslation("inbox.upload.accepted") + (detail == null ? "" : " · " + detail));
        } else {
            refused++;
            state(name, "refused", getTranslation("inbox.upload.refused", detail == null ? "" : detail));
        }
        if (stateByName.values().stream().noneMatch(d -> d.hasClassName("checking"))) {
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
            String summary = getTranslation("inbox.upload.summary", accepted, refused);
            if (refused == 0) {
                Notifications.success(summary);
            } else {
                Notifications.error(summary);
            }
        }
    }

    private void state(String fileName, String kind, String text) {
        Div line = stateByName.computeIfAbsent(fileName, n -> {
            Div d = new Div();
            states.add(d);
            return d;
        });
        line.removeAll();
        line.setClassName("upload-state " + kind);
        Span name = new Span(fileName);
        name.addClassName("upload-state-name");
        Span what = new Span(text);
        what.addClassName("upload-state-text");
        line.add(name, what);
        line.getElement().setAttribute("data-state", kind);
        states.setVisible(true);
    }

    private Anchor downloadLink(Evidence e) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            EvidenceFile file = evidence.download(e.id());
            return new DownloadResponse(file.open(), e.fileName(), e.contentType(), e.size());
        }), getTranslation("evidence.download"));
        link.setDownload(true);
        return link;
    }

}
