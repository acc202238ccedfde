package io.auditflow.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceFile;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit binder: a ZIP of every accepted request's evidence with manifest.csv, manifest.json
 * (request, file, SHA-256, uploader, upload time, evidence date, accepted by and when) and a PDF
 * index. Entries are sorted and carry a fixed time, so the same state exports the same manifest.
 */
@Service
@Transactional(readOnly = true)
public class BinderService {

    /** The time stamped on every ZIP entry (the DOS epoch), so two exports do not differ by the clock. */
    static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

    /** One line of the manifest. */
    public record ManifestLine(String request, String requestText, String file, String path, String sha256, long size,
                               String uploadedBy, Instant uploadedAt, String evidenceDate, Boolean outsidePeriod,
                               String acceptedBy, Instant acceptedAt) {
    }

    private final EngagementService engagements;
    private final RequestService requests;
    private final EvidenceService evidence;
    private final ObjectMapper json;
    private final List<BinderDocuments> documents;

    BinderService(EngagementService engagements, RequestService requests, EvidenceService evidence, ObjectMapper json,
                  org.springframework.beans.factory.ObjectProvider<BinderDocuments> documents) {
        this.engagements = engagements;
        this.documents = documents.orderedStream().toList();
        this.requests = requests;
        this.evidence = evidence;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A file name for the download: the engagement's id and name in safe characters. */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public String fileName(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        String name = e.name().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-");
        return "binder-" + e.id() + "-" + (name.length() > 60 ? name.substring(0, 60) : name) + ".zip";
    }

    /** Writes the binder; managers and the engagement's active auditors may export it. */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public void export(Long engagementId, OutputStream out) {
        Engagement e = engagements.get(engagementId);
        if (!CurrentUser.canManage() && !engagements.actsAsAuditor(e)) {
            throw new org.springframework.security.access.AccessDeniedException("Only managers and the engagement's auditors export the binder");
        }
        List<ManifestLine> lines = new ArrayList<>();
        List<EvidenceFile> files = new ArrayList<>();
        for (AuditRequest r : requests.accepted(e)) {
            List<Evidence> found = evidence.records(requests.linkedIds(r.id()), requests.taskIds(r.id()), RequestService.period(e));
            for (Evidence ev : found) {
                EvidenceFile file = evidence.file(ev.id(), RequestService.period(e));
                String path = "evidence/" + safe(r.reference()) + "/" + ev.id() + "-" + safe(ev.fileName());
                lines.add(new ManifestLine(r.reference(), r.text(), ev.fileName(), path, ev.sha256(), ev.size(),
                        ev.uploadedBy(), ev.uploadedAt(), ev.evidenceDate().toString(), ev.outsideWindow(),
                        r.decidedBy(), r.decidedAt()));
                files.add(file);
            }
            if (found.isEmpty()) {
                lines.add(new ManifestLine(r.reference(), r.text(), null, null, null, 0, null, null, null, null,
                        r.decidedBy(), r.decidedAt()));
                files.add(null);
            }
        }
        // Documents of the program (the SoA in force of an ISO program): listed like evidence, under documents/.
        List<BinderDocuments.Section> sections = documents.stream().flatMap(d -> d.section(e).stream()).toList();
        Map<String, byte[]> documentFiles = new LinkedHashMap<>();
        for (BinderDocuments.Section s : sections) {
            for (BinderDocuments.File f : s.files()) {
                String path = "documents/" + safe(f.name());
                lines.add(new ManifestLine(s.title(), f.description(), f.name(), path,
                        io.auditflow.common.Secrets.sha256(f.bytes()), f.bytes().length, null, null, null, null, null, null));
                files.add(null);
                documentFiles.put(path, f.bytes());
            }
        }
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "manifest.csv", manifestCsv(lines));
            put(zip, "manifest.json", manifestJson(e, lines));
            put(zip, "index.pdf", index(e, lines, sections));
            for (Map.Entry<String, byte[]> d : documentFiles.entrySet()) {
                put(zip, d.getKey(), d.getValue());
            }
            for (int i = 0; i < lines.size(); i++) {
                if (files.get(i) == null) {
                    continue;
                }
                ZipEntry entry = entry(lines.get(i).path());
                zip.putNextEntry(entry);
                try (InputStream in = files.get(i).open()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not write the binder", ex);
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(ENTRY_TIME);
        entry.setTime(ENTRY_TIME.toMillis());
        return entry;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    static byte[] manifestCsv(List<ManifestLine> lines) throws IOException {
        StringWriter w = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").setHeader("request", "request_text",
                "file", "path", "sha256", "size_bytes", "uploaded_by", "uploaded_at", "evidence_date", "outside_period",
                "accepted_by", "accepted_at").get();
        try (CSVPrinter p = new CSVPrinter(w, format)) {
            for (ManifestLine l : lines) {
                p.printRecord(cell(l.request()), cell(l.requestText()), cell(l.file()), l.path(), l.sha256(),
                        l.file() == null ? null : l.size(), cell(l.uploadedBy()), l.uploadedAt(), l.evidenceDate(),
                        l.outsidePeriod(), cell(l.acceptedBy()), l.acceptedAt());
            }
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private byte[] manifestJson(Engagement e, List<ManifestLine> lines) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("engagement", e.name());
        doc.put("program", e.programName());
        doc.put("periodStart", e.periodStart().toString());
        doc.put("periodEnd", e.periodEnd().toString());
        doc.put("files", lines);
        return json.writeValueAsBytes(doc);
    }

    private static byte[] index(Engagement e, List<ManifestLine> lines, List<BinderDocuments.Section> sections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, bytes);
            doc.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
            doc.add(new Paragraph("Audit binder: " + e.name(), title));
            doc.add(new Paragraph("Program: " + e.programName() + "   Period: " + e.periodStart() + " to " + e.periodEnd()
                    + (e.auditFirm() == null ? "" : "   Audit firm: " + e.auditFirm()), small));
            doc.add(new Paragraph(" "));
            PdfPTable table = new PdfPTable(new float[]{8, 22, 20, 28, 10, 12});
            table.setWidthPercentage(100);
            for (String h : List.of("Request", "Text", "File", "SHA-256", "Evidence date", "Accepted by")) {
                PdfPCell cell = new PdfPCell(new Phrase(h, head));
                cell.setHorizontalAlignment(Element.ALIGN_LEFT);
                table.addCell(cell);
            }
            for (ManifestLine l : lines) {
                table.addCell(new Phrase(l.request(), small));
                table.addCell(new Phrase(l.requestText(), small));
                table.addCell(new Phrase(l.file() == null ? "(no file)" : l.file(), small));
                table.addCell(new Phrase(l.sha256() == null ? "" : l.sha256(), small));
                table.addCell(new Phrase(l.evidenceDate() == null ? "" : l.evidenceDate()
                        + (Boolean.TRUE.equals(l.outsidePeriod()) ? " (outside period)" : ""), small));
                table.addCell(new Phrase((l.acceptedBy() == null ? "" : l.acceptedBy()) + " "
                        + (l.acceptedAt() == null ? "" : l.acceptedAt().toString()), small));
            }
            doc.add(table);
            for (BinderDocuments.Section s : sections) {
                doc.add(new Paragraph(" "));
                doc.add(new Paragraph(s.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11)));
                if (s.files().isEmpty()) {
                    doc.add(new Paragraph(s.note() == null ? "Nothing to add." : s.note(), small));
                }
                for (BinderDocuments.File f : s.files()) {
                    doc.add(new Paragraph("documents/" + safe(f.name()) + " - " + f.description() + " - SHA-256 "
                            + io.auditflow.common.Secrets.sha256(f.bytes()), small));
                }
            }
        } catch (DocumentException ex) {
            throw new IllegalStateException("Could not write the binder index", ex);
        } finally {
            doc.close();
        }
        return bytes.toByteArray();
    }

    private static String safe(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9._ -]+", "_").replace("..", "_").trim();
        return clean.isEmpty() ? "_" : clean;
    }
}
