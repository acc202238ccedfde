package io.auditflow.engagement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.UploadHandler;
import io.auditflow.common.ValidationException;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.JointRequestList;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import java.util.List;

/**
 * On a joint engagement's page: upload the SOC 2 and ISO requests together, see which rows the
 * crosswalk merges ("6 requests, 2 merged into 1"), then import the merged list or cancel.
 */
class JointImportPanel extends Div {

    final Upload upload = new Upload();
    final Div preview = new Div();
    final Paragraph summary = new Paragraph();
    final Grid<JointRequestList.MergeRow> merges = new Grid<>(JointRequestList.MergeRow.class, false);
    final Button apply = new Button(Format.text("jointImport.apply"));
    final Button cancel = new Button(Format.text("common.cancel"));
    final Div errors = new Div();
    final Paragraph counts = new Paragraph();
    private final JointRequestList joint;
    private Engagement engagement;
    private Runnable afterImport;
    private byte[] pending;

    JointImportPanel(JointRequestList joint) {
        this.joint = joint;
    }

    /** The panel for a writer of this engagement's list, or null when the engagement is not joint. */
    static JointImportPanel forEngagement(Engagement engagement, Runnable afterImport) {
        JointImportPanel panel = VaadinService.getCurrent().getInstantiator().getOrCreate(JointImportPanel.class);
        return panel.joint.isJoint(engagement.id()) ? panel.build(engagement, afterImport) : null;
    }

    JointImportPanel build(Engagement engagement, Runnable afterImport) {
        this.engagement = engagement;
        this.afterImport = afterImport;
        setId("joint-import");
        addClassName("joint-import");
        add(new H3(Format.text("jointImport.title")));
        counts.setId("joint-import-counts");
        add(counts);
        refreshCounts();
        upload.setId("joint-import-upload");
        io.auditflow.ui.UploadTexts.apply(upload);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropLabel(new Span(Format.text("jointImport.drop")));
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> preview(bytes)));
        summary.setId("joint-import-summary");
        merges.setId("joint-import-merges");
        merges.addColumn(JointRequestList.MergeRow::reference).setHeader(Format.text("jointImport.column.merged")).setAutoWidth(true);
        merges.addColumn(JointRequestList.MergeRow::criteria).setHeader(Format.text("jointImport.column.criteria")).setAutoWidth(true);
        merges.addColumn(m -> m.why() == null ? m.reason() : Format.phrase(m.why())).setHeader(Format.text("jointImport.column.why"))
                .setKey("why").setFlexGrow(1);
        merges.setAllRowsVisible(true);
        apply.setId("joint-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> apply());
        cancel.addClickListener(e -> reset());
        preview.add(summary, merges, new Div(apply, cancel));
        preview.setVisible(false);
        errors.setId("joint-import-errors");
        errors.addClassName("form-error");
        errors.setVisible(false);
        add(upload, preview, errors);
        return this;
    }

    void preview(byte[] bytes) {
        errors.setVisible(false);
        try {
            JointRequestList.Preview p = joint.preview(engagement.id(), bytes);
            pending = bytes;
            summary.setText(Format.text(p.merges().isEmpty() ? "jointImport.preview.none" : "jointImport.preview.some", summary(p)));
            merges.setItems(p.merges());
            merges.setVisible(!p.merges().isEmpty());
            preview.setVisible(true);
        } catch (ValidationException e) {
            showErrors(e.errors().stream().map(Format::error).toList());
        } catch (RuntimeException e) {
            showErrors(List.of(Format.service(e.getMessage())));
        }
    }

    void apply() {
        if (pending == null) {
            return;
        }
        try {
            JointRequestList.JointImport r = joint.importMerged(engagement.id(), pending);
            Notifications.success(Format.text("jointImport.imported", summary(r.preview()), EngagementView.imported(r.result())));
            reset();
            refreshCounts();
            afterImport.run();
        } catch (ValidationException e) {
            showErrors(e.errors().stream().map(Format::error).toList());
        } catch (RuntimeException e) {
            showErrors(List.of(Format.service(e.getMessage())));
        }
    }

    /** "SOC 2: 0 of 3 accepted · ISO 27001: 0 of 3 accepted · 1 request counts for both". */
    void refreshCounts() {
        List<JointRequestList.FrameworkProgress> all = joint.progressByFramework(engagement.id());
        int shared = all.stream().mapToInt(JointRequestList.FrameworkProgress::shared).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (JointRequestList.FrameworkProgress p : all) {
            sb.append(sb.isEmpty() ? "" : " · ").append(Format.text("jointImport.counts.framework",
                    "SOC2".equals(p.framework()) ? "SOC 2" : "ISO27001".equals(p.framework()) ? "ISO 27001" : p.framework(),
                    p.accepted(), p.total()));
        }
        if (shared > 0) {
            sb.append(" · ").append(Format.text("jointImport.counts.shared", shared));
        }
        counts.setText(sb.isEmpty() ? Format.text("jointImport.counts.none") : sb.toString());
    }

    private void reset() {
        pending = null;
        preview.setVisible(false);
        upload.clearFileList();
    }

    private void showErrors(List<String> messages) {
        pending = null;
        preview.setVisible(false);
        errors.removeAll();
        errors.add(new Span(Format.text("engagementPage.nothingImported")));
        messages.forEach(m -> errors.add(new Div(m)));
        errors.setVisible(true);
    }
    /** "6 requests, 2 merged into 1", from the preview's counts in the reader's language. */
    private static String summary(JointRequestList.Preview p) {
        return Format.text("jointImport.summary", p.rows(), p.merged(), p.merges().size());
    }
}
