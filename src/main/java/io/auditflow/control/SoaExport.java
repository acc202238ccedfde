package io.auditflow.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** The Statement of Applicability as CSV (commons-csv) and as PDF (OpenPDF). */
public final class SoaExport {

    static final String[] HEADER = {"Annex A control", "Theme", "Title", "Applicable", "Justification", "Implementation", "Controls"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private SoaExport() {
    }

    public static String fileName(Soa soa, String extension) {
        String name = soa.programName().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "soa-" + (name.isEmpty() ? "program" : name) + "-v" + soa.versionNo() + "." + extension;
    }

    /** UTF-8 with a byte-order mark so spreadsheets read accents; cells that a spreadsheet would run as formulas are quoted. */
    public static byte[] csv(Soa soa) {
        return csv(soa, java.util.Locale.ENGLISH);
    }

    /** The same in a reader's language: headers, "Ja"/"Nein" and implementation words; English as before (decision 0152). */
    public static byte[] csv(Soa soa, java.util.Locale locale) {
        io.auditflow.common.CsvWords words = io.auditflow.common.CsvWords.of(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(words.header("soa", HEADER)).get())) {
            for (Soa.Entry e : soa.entries()) {
                csv.printRecord(e.controlId(), e.theme(), safe(e.title()), words.yesNo(e.applicable()), safe(e.justification()),
                        words.value(e.implementation(), e.implementation().label()), String.join(" ", e.controls()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell starting with = + - @ or a tab would be a formula in a spreadsheet: prefix it with an apostrophe. */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    public static byte[] pdf(Soa soa, ZoneId zone) {
        return pdf(soa, zone, false);
    }

    /**
     * The same PDF byte for byte for the same version (for the audit binder, whose manifest carries
     * its SHA-256): the creation date is the version's decision or creation time, not the clock, and
     * the file identifier is derived from the version instead of a random one.
     */
    public static byte[] reproduciblePdf(Soa soa, ZoneId zone) {
        return pdf(soa, zone, true);
    }

    private static byte[] pdf(Soa soa, ZoneId zone, boolean reproducible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        if (reproducible) {
            java.time.Instant stamp = soa.decidedAt() != null ? soa.decidedAt() : soa.createdAt();
            com.lowagie.text.pdf.PdfDate date = new com.lowagie.text.pdf.PdfDate(
                    java.util.GregorianCalendar.from(stamp.atZone(java.time.ZoneOffset.UTC)));
            writer.getInfo().put(com.lowagie.text.pdf.PdfName.CREATIONDATE, date);
            writer.getInfo().put(com.lowagie.text.pdf.PdfName.MODDATE, date);
            byte[] id = java.util.Arrays.copyOf(io.auditflow.common.Secrets.digest(
                    ("soa:" + soa.versionId() + ":" + soa.versionNo() + ":" + stamp).getBytes(StandardCharsets.UTF_8)), 16);
            writer.getInfo().put(com.lowagie.text.pdf.PdfName.FILEID, com.lowagie.text.pdf.PdfEncryption.createInfoId(id, id));
        }
        doc.addTitle("Statement of Applicability - " + soa.programName());
        doc.addCreator("Auditflow");
        doc.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
        doc.add(new Paragraph("Statement of Applicability - " + soa.programName(), title));
        String state = switch (soa.status()) {
            case APPROVED -> "Approved by " + soa.decidedBy() + " on " + DAY.format(soa.decidedAt().atZone(zone));
            case SUPERSEDED -> "Superseded (was approved by " + soa.decidedBy() + ")";
            case PENDING_APPROVAL -> "Waiting for approval - not in force";
            case DRAFT -> "Draft - not in force";
        };
        doc.add(new Paragraph("ISO/IEC 27001:2022 Annex A - version " + soa.versionNo() + " - " + state + " - "
                + soa.applicableCount() + " of " + soa.entries().size() + " controls applicable", small));
        doc.add(new Paragraph(" ", small));
        PdfPTable table = new PdfPTable(new float[] {7, 22, 6, 35, 10, 20});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"Control", "Title", "Applies", "Justification", "Status", "Our controls"}) {
            PdfPCell cell = new PdfPCell(new Phrase(h, bold));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (Soa.Entry e : soa.entries()) {
            table.addCell(new Phrase(e.controlId(), small));
            table.addCell(new Phrase(e.title(), small));
            table.addCell(new Phrase(e.applicable() ? "Yes" : "No", small));
            table.addCell(new Phrase(e.justification(), small));
            table.addCell(new Phrase(e.implementation().label(), small));
            table.addCell(new Phrase(String.join(", ", e.controls()), small));
        }
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }
}
