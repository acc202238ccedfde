package io.auditflow.timeline;

import static java.time.temporal.ChronoUnit.DAYS;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.security.Roles;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The one-page board report (A4 landscape, OpenPDF): the three answers, the next twelve months as a
 * small timeline drawn with PDF primitives, open findings by kind and age, overdue work by team,
 * with the date and the scope. Reads only what the dashboard reads.
 */
@Service
public class BoardReportService {

    static final String ROLES = "hasAnyRole('" + Roles.EXECUTIVE + "','" + Roles.ADMIN + "','" + Roles.COMPLIANCE_MANAGER + "')";
    /** Lanes drawn on the one page; the rest are counted. */
    static final int MAX_LANES = 12;

    private final DashboardService dashboards;
    private final TimelineService timelines;
    private final ObjectProvider<LifecycleFigures> figures;

    BoardReportService(DashboardService dashboards, TimelineService timelines, ObjectProvider<LifecycleFigures> figures) {
        this.dashboards = dashboards;
        this.timelines = timelines;
        this.figures = figures;
    }

    /** What the report says, for the mail text and tests. */
    public record BoardReport(LocalDate date, String scope, List<Dashboard.Answer> answers, byte[] pdf) {
    }

    @PreAuthorize(ROLES)
    public BoardReport report(TimelineQuery query) {
        return report(query, Locale.ENGLISH);
    }

    /**
     * The report in one reader's language: the dashboard's answers in their words (DashboardWords and
     * PlannerWords phrase the calendar engine's answers; nothing is decided here), headings, month names
     * and dates the reader's way (decision 0151).
     */
    @PreAuthorize(ROLES)
    public BoardReport report(TimelineQuery query, Locale locale) {
        DashboardWords words = DashboardWords.of(locale);
        Dashboard dashboard = dashboards.dashboard(query, words.locale());
        LocalDate today = dashboard.today();
        Timeline all = timelines.timeline(query.withRange(TimelineRange.DEFAULT), words.locale());
        LifecycleFigures lifecycle = figures.getIfAvailable();
        List<LifecycleFigures.FindingFigure> findings = lifecycle == null ? List.of() : lifecycle.openFindings();
        java.util.Set<Long> inScope = new java.util.HashSet<>();
        all.lanes().forEach(l -> inScope.add(l.programId()));
        findings = findings.stream().filter(f -> inScope.contains(f.programId())).toList();
        Map<Long, Integer> overdue = lifecycle == null ? Map.of() : lifecycle.overdueTasksByProgram();
        byte[] pdf = pdf(dashboard, all, findings, overdue, query, words);
        return new BoardReport(today, query.describe(words), dashboard.answers(), pdf);
    }

    private static byte[] pdf(Dashboard dashboard, Timeline timeline, List<LifecycleFigures.FindingFigure> findings,
                              Map<Long, Integer> overdue, TimelineQuery query, DashboardWords words) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 24, 24);
        PdfWriter writer = PdfWriter.getInstance(doc, bytes);
        doc.addTitle(words.text("board.pdf.docTitle", words.date(dashboard.today())));
        doc.addCreator("Auditflow");
        doc.open();
        Font title = new Font(Font.HELVETICA, 16, Font.BOLD, new Color(0x0d, 0x2b, 0x4f));
        Font small = new Font(Font.HELVETICA, 8, Font.NORMAL, new Color(0x37, 0x47, 0x4f));
        Font bold = new Font(Font.HELVETICA, 8, Font.BOLD);
        doc.add(new Paragraph(words.text("board.pdf.title", words.date(dashboard.today())), title));
        doc.add(new Paragraph(words.text("board.pdf.scope", String.valueOf(timeline.lanes().size()), query.describe(words)), small));

        PdfPTable answers = new PdfPTable(4);
        answers.setWidthPercentage(100);
        answers.setSpacingBefore(6);
        for (Dashboard.Answer a : dashboard.answers()) {
            PdfPCell cell = new PdfPCell();
            cell.setBackgroundColor(tone(a.tone()));
            cell.setPadding(5);
            cell.addElement(new Phrase(a.title(), new Font(Font.HELVETICA, 9, Font.BOLD)));
            cell.addElement(new Phrase(shorten(a.words(), 90), new Font(Font.HELVETICA, 9)));
            answers.addCell(cell);
        }
        doc.add(answers);

        // the next twelve months, drawn below the answers: reserve the space with an empty paragraph
        float chartTop = writer.getVerticalPosition(true) - 8;
        List<ProgramLane> lanes = lanesWithEvents(timeline, dashboard.today());
        int drawn = Math.min(MAX_LANES, lanes.size());
        float laneHeight = 12;
        float chartHeight = 16 + Math.max(1, drawn) * laneHeight + 12;
        drawTimeline(writer.getDirectContent(), doc, chartTop, laneHeight, lanes.subList(0, drawn), lanes.size() - drawn,
                dashboard.today(), words);
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(chartHeight);
        doc.add(spacer);

        PdfPTable bottom = new PdfPTable(2);
        bottom.setWidthPercentage(100);
        bottom.addCell(box(findingsTable(findings, dashboard.today(), bold, small, words), words.text("board.pdf.findings")));
        bottom.addCell(box(overdueByTeam(timeline, overdue, bold, small, words), words.text("board.pdf.overdue")));
        doc.add(bottom);
        doc.close();
        return bytes.toByteArray();
    }

    private static List<ProgramLane> lanesWithEvents(Timeline timeline, LocalDate today) {
        LocalDate end = today.plusMonths(12);
        List<ProgramLane> lanes = new ArrayList<>();
        for (ProgramLane l : timeline.lanes()) {
            boolean any = l.markers().stream().anyMatch(m -> !m.date().isBefore(today) && m.date().isBefore(end))
                    || l.bars().stream().anyMatch(b -> b.kind().isAlarm() && !b.end().isBefore(today) && b.start().isBefore(end));
            if (any) {
                lanes.add(l);
            }
        }
        lanes.sort(java.util.Comparator.comparing((ProgramLane l) -> !LifecycleFiguresAdapter.needsAttention(l))
                .thenComparing(ProgramLane::name));
        return lanes;
    }

    private static void drawTimeline(PdfContentByte cb, Document doc, float top, float laneHeight, List<ProgramLane> lanes,
                                     int more, LocalDate today, DashboardWords words) {
        BaseFont font = new Font(Font.HELVETICA).getCalculatedBaseFont(false);
        float left = doc.left();
        float labelWidth = 170;
        float x0 = left + labelWidth;
        float x1 = doc.right();
        LocalDate from = today.withDayOfMonth(1);
        LocalDate to = from.plusMonths(12);
        long days = DAYS.between(from, to);
        float scale = (x1 - x0) / days;
        cb.saveState();
        cb.beginText();
        cb.setFontAndSize(font, 9);
        cb.setColorFill(new Color(0x0d, 0x2b, 0x4f));
        cb.showTextAligned(Element.ALIGN_LEFT, words.text("board.pdf.next12"), left, top - 9, 0);
        cb.setFontAndSize(font, 7);
        cb.setColorFill(Color.DARK_GRAY);
        for (int i = 0; i < 12; i++) {
            LocalDate m = from.plusMonths(i);
            float x = x0 + DAYS.between(from, m) * scale;
            cb.showTextAligned(Element.ALIGN_LEFT, m.getMonth().getDisplayName(words.english() ? TextStyle.SHORT : TextStyle.SHORT_STANDALONE, words.locale())
                    + (m.getMonthValue() == 1 || i == 0 ? " " + m.getYear() : ""), x + 2, top - 9, 0);
        }
        cb.endText();
        cb.setColorStroke(new Color(0xcf, 0xd8, 0xdc));
        cb.setLineWidth(0.4f);
        for (int i = 0; i <= 12; i++) {
            float x = x0 + DAYS.between(from, from.plusMonths(i)) * scale;
            cb.moveTo(x, top - 12);
            cb.lineTo(x, top - 14 - lanes.size() * laneHeight);
        }
        cb.stroke();
        float y = top - 14;
        for (ProgramLane lane : lanes) {
            float mid = y - laneHeight / 2;
            cb.beginText();
            cb.setFontAndSize(font, 7.5f);
            cb.setColorFill(Color.BLACK);
            cb.showTextAligned(Element.ALIGN_LEFT, shorten(lane.name(), 38), left, mid - 2.5f, 0);
            cb.endText();
            for (TimelineBar bar : lane.bars()) {
                if (bar.end().isBefore(from) || !bar.start().isBefore(to)) {
                    continue;
                }
                float bx = x0 + Math.max(0, DAYS.between(from, bar.start())) * scale;
                float ex = x0 + Math.min(days, DAYS.between(from, bar.end()) + 1) * scale;
                cb.setColorFill(bar.kind().isAlarm() ? new Color(0xb7, 0x1c, 0x1c) : statusColour(bar.status(), true));
                cb.rectangle(bx, mid - (bar.kind().isAlarm() ? 5 : 3), Math.max(1, ex - bx), bar.kind().isAlarm() ? 10 : 6);
                cb.fill();
            }
            for (TimelineMarker m : lane.markers()) {
                if (m.date().isBefore(from) || !m.date().isBefore(to)) {
                    continue;
                }
                float mx = x0 + (DAYS.between(from, m.date()) + 0.5f) * scale;
                cb.setColorFill(statusColour(m.status(), false));
                cb.moveTo(mx, mid + 4.5f);
                cb.lineTo(mx + 4.5f, mid);
                cb.lineTo(mx, mid - 4.5f);
                cb.lineTo(mx - 4.5f, mid);
                cb.closePath();
                cb.fill();
            }
            y -= laneHeight;
        }
        float tx = x0 + (DAYS.between(from, today) + 0.5f) * scale;
        cb.setColorStroke(new Color(0xd3, 0x2f, 0x2f));
        cb.setLineWidth(1.2f);
        cb.moveTo(tx, top - 12);
        cb.lineTo(tx, y);
        cb.stroke();
        cb.beginText();
        cb.setFontAndSize(font, 7);
        cb.setColorFill(Color.DARK_GRAY);
        cb.showTextAligned(Element.ALIGN_LEFT, (lanes.isEmpty() ? words.text("board.pdf.noEvents") : "")
                + (more > 0 ? words.text("board.pdf.more", String.valueOf(more)) : "")
                + words.text("board.pdf.key"), left, y - 9, 0);
        cb.endText();
        cb.restoreState();
    }

    private static PdfPTable findingsTable(List<LifecycleFigures.FindingFigure> findings, LocalDate today, Font bold,
                                           Font small, DashboardWords words) {
        String[] ages = {words.text("board.pdf.age.young"), words.text("board.pdf.age.middle"), words.text("board.pdf.age.old")};
        Map<String, long[]> counts = new TreeMap<>();
        for (String kind : List.of("MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY", "SOC2_EXCEPTION", "OBSERVATION")) {
            counts.put(kind, new long[3]);
        }
        for (LifecycleFigures.FindingFigure f : findings) {
            long age = f.raisedOn() == null ? 0 : DAYS.between(f.raisedOn(), today);
            counts.computeIfAbsent(f.kind(), k -> new long[3])[age < 30 ? 0 : age <= 90 ? 1 : 2]++;
        }
        PdfPTable t = new PdfPTable(4);
        t.setWidthPercentage(100);
        t.addCell(cell(words.text("board.pdf.kind"), bold));
        for (String a : ages) {
            t.addCell(cell(a, bold));
        }
        counts.forEach((kind, c) -> {
            t.addCell(cell(kindLabel(kind, words), small));
            for (long n : c) {
                t.addCell(cell(Long.toString(n), small));
            }
        });
        return t;
    }

    private static PdfPTable overdueByTeam(Timeline timeline, Map<Long, Integer> overdue, Font bold, Font small,
                                           DashboardWords words) {
        Map<String, int[]> byTeam = new TreeMap<>();
        for (ProgramLane l : timeline.lanes()) {
            int tasks = overdue.getOrDefault(l.programId(), 0);
            long missed = l.markers().stream().filter(m -> m.status() == MilestoneStatus.MISSED).count();
            if (tasks > 0 || missed > 0) {
                int[] c = byTeam.computeIfAbsent(l.teamName() != null ? l.teamName() : l.team() != null ? l.team() : words.text("drawing.group.noTeam"),
                        k -> new int[2]);
                c[0] += tasks;
                c[1] += (int) missed;
            }
        }
        PdfPTable t = new PdfPTable(3);
        t.setWidthPercentage(100);
        t.addCell(cell(words.text("board.pdf.team"), bold));
        t.addCell(cell(words.text("board.pdf.overdueTasks"), bold));
        t.addCell(cell(words.text("board.pdf.missed"), bold));
        if (byTeam.isEmpty()) {
            PdfPCell none = cell(words.text("board.pdf.noOverdue"), small);
            none.setColspan(3);
            t.addCell(none);
        }
        int rows = 0;
        for (Map.Entry<String, int[]> e : byTeam.entrySet()) {
            if (rows++ == 5) {
                PdfPCell more = cell(words.text("board.pdf.moreTeams", String.valueOf(byTeam.size() - 5)), small);
                more.setColspan(3);
                t.addCell(more);
                break;
            }
            t.addCell(cell(shorten(e.getKey(), 28), small));
            t.addCell(cell(Integer.toString(e.getValue()[0]), small));
            t.addCell(cell(Integer.toString(e.getValue()[1]), small));
        }
        return t;
    }

    private static PdfPCell box(PdfPTable content, String heading) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(4);
        c.addElement(new Paragraph(heading, new Font(Font.HELVETICA, 9, Font.BOLD, new Color(0x0d, 0x2b, 0x4f))));
        c.addElement(content);
        return c;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(2.5f);
        c.setBorderColor(new Color(0xcf, 0xd8, 0xdc));
        return c;
    }

    /** Findings of one kind, in words (plural), as the dashboard and the board report both show them. */
    public static String kindLabel(String kind) {
        return kindLabel(kind, DashboardWords.ENGLISH);
    }

    /** The same in one reader's words: the dashboard's tiles' keys {@code dashboard.kind.*}. */
    static String kindLabel(String kind, DashboardWords words) {
        String key = "dashboard.kind." + kind;
        String text = words.text(key);
        return text.equals(key) ? kind : text;
    }

    private static Color tone(Dashboard.Tone tone) {
        return switch (tone) {
            case OK -> new Color(0xe8, 0xf5, 0xe9);
            case NEUTRAL -> new Color(0xec, 0xef, 0xf1);
            case WARN -> new Color(0xff, 0xf3, 0xe0);
            case ALARM -> new Color(0xff, 0xeb, 0xee);
        };
    }

    private static Color statusColour(MilestoneStatus s, boolean light) {
        return switch (s) {
            case DONE -> light ? new Color(0xa5, 0xd6, 0xa7) : new Color(0x2e, 0x7d, 0x32);
            case PLANNED -> light ? new Color(0x90, 0xca, 0xf9) : new Color(0x15, 0x65, 0xc0);
            case AT_RISK -> light ? new Color(0xff, 0xcc, 0x80) : new Color(0xb4, 0x53, 0x09);
            case MISSED -> light ? new Color(0xef, 0x9a, 0x9a) : new Color(0xc6, 0x28, 0x28);
        };
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
