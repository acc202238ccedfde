package io.auditflow.timeline;

import io.auditflow.common.CsvWords;
import io.auditflow.common.Messages;
import io.swagger.v3.oas.annotations.Parameter;
import io.auditflow.common.Secrets;
import io.auditflow.common.ValidationException;
import io.auditflow.program.Framework;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The executive pages' resources: the timeline drawing (an HTML fragment, ETag-cached, compressed),
 * CSV exports of the dashboard lists and the timeline milestones with the same filters, and the
 * board report PDF. Every query parameter is optional; bad values get a JSON 400.
 */
@RestController
// The same answers under /api (stateless: Basic or API token) and under /exports for the signed-in
// browser: the API chain ignores the session cookie (decision 0050), so the pages link to /exports.
class ExecutiveController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String LANG_DOC = "the reader's language: en (default) or de; German words and dd.MM.yyyy dates (decision 0150)";

    private final TimelineService timelines;
    private final DashboardService dashboards;
    private final BoardReportService boardReports;
    private final ObjectProvider<TimelineOverlay> overlays;

    ExecutiveController(TimelineService timelines, DashboardService dashboards, BoardReportService boardReports,
                        ObjectProvider<TimelineOverlay> overlays) {
        this.timelines = timelines;
        this.dashboards = dashboards;
        this.boardReports = boardReports;
        this.overlays = overlays;
    }

    static TimelineQuery query(String range, List<String> frameworks, String owner, String q, boolean atRisk,
                               String group) {
        if (owner != null && owner.length() > 100) {
            throw new ValidationException("owner", "An owner is a user name of at most 100 characters.");
        }
        if (q != null && q.length() > TimelineQuery.MAX_SEARCH) {
            throw new ValidationException("q", "Search for at most " + TimelineQuery.MAX_SEARCH + " characters.");
        }
        Set<Framework> fw = EnumSet.noneOf(Framework.class);
        for (String f : frameworks == null ? List.<String>of() : frameworks) {
            fw.add(parse(Framework.class, f, "framework"));
        }
        return new TimelineQuery(range == null ? null : parse(TimelineRange.class, range, "range"), fw, owner, q, atRisk,
                group == null ? null : parse(TimelineQuery.Grouping.class, group, "group"));
    }

    /**
     * The reader's language for a resource: {@code lang=en} or {@code lang=de}; without it English, so a
     * script's or a cache's answer never depends on whose token calls (decision 0150).
     */
    static Locale language(String lang) {
        if (lang == null || lang.isEmpty()) {
            return Locale.ENGLISH;
        }
        for (Locale l : Messages.LANGUAGES) {
            if (l.getLanguage().equals(lang)) {
                return l;
            }
        }
        throw new ValidationException("lang", "Unknown lang; one of en, de.");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new ValidationException(field, "Unknown " + field + "; one of " + EnumSet.allOf(type) + ".");
    }

    /** The timeline drawing. Revalidated on every view (no-cache) but sent again only when it changed (ETag). */
    @GetMapping(value = {"/api/timeline/drawing", "/exports/timeline/drawing"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> drawing(@RequestParam(required = false) String range,
                                   @RequestParam(name = "framework", required = false) List<String> frameworks,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "false") boolean atRisk,
                                   @RequestParam(required = false) String group,
                                   @RequestParam(required = false) @Parameter(description = LANG_DOC) String lang,
                                   @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TimelineQuery query = query(range, frameworks, owner, q, atRisk, group);
        Locale locale = language(lang);
        long started = System.nanoTime();
        Timeline timeline = timelines.timeline(query, locale);
        List<Long> ids = timeline.lanes().stream().map(ProgramLane::programId).toList();
        List<TimelineOverlay.OverlayBar> bars = TimelineOverlay.barsOf(overlays.orderedStream(), ids, timeline.from(), timeline.to());
        Map<Long, List<LifecycleFigures.FindingFigure>> majors = timelines.openMajorFindings();
        long modelled = System.nanoTime();
        String html = TimelineDrawing.render(timeline, query, majors, bars, locale);
        // weak: Tomcat does not compress a response with a strong ETag (its bytes change when gzipped).
        // The language is part of it, so a German and an English reader never share a cached drawing.
        String etag = "W/\"" + sha256(html) + (locale.equals(Locale.ENGLISH) ? "" : "-" + locale.getLanguage()) + "\"";
        CacheControl cache = CacheControl.noCache().cachePrivate();
        // where the server's time goes (durations only, no data): the browser's Resource Timing and the benchmark read it
        String timing = String.format(Locale.ROOT, "model;dur=%.1f, render;dur=%.1f", (modelled - started) / 1e6,
                (System.nanoTime() - modelled) / 1e6);
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).header("Server-Timing", timing).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache).header("Server-Timing", timing)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(html);
    }

    /** Every milestone drawn on the timeline with the same filters, one per line. */
    @GetMapping({"/api/timeline/milestones.csv", "/exports/timeline/milestones.csv"})
    ResponseEntity<String> milestonesCsv(@RequestParam(required = false) String range,
                                         @RequestParam(name = "framework", required = false) List<String> frameworks,
                                         @RequestParam(required = false) String owner,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(defaultValue = "false") boolean atRisk,
                                         @RequestParam(required = false) @Parameter(description = LANG_DOC) String lang)
            throws IOException {
        TimelineQuery query = query(range, frameworks, owner, q, atRisk, null);
        CsvWords words = CsvWords.of(language(lang));
        Timeline timeline = timelines.timeline(query);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = csvFormat(words.header("milestones", "program_id", "program", "framework", "owner", "milestone",
                "cycle", "date", "status")).print(out)) {
            for (ProgramLane lane : timeline.lanes()) {
                for (TimelineMarker m : lane.markers()) {
                    if (!m.date().isBefore(timeline.from()) && !m.date().isAfter(timeline.to())) {
                        csv.printRecord(lane.programId(), safe(lane.name()), words.code(lane.framework()), safe(lane.owner()),
                                words.code(m.type()), m.cycle(), words.day(m.date()), words.code(m.status()));
                    }
                }
            }
        }
        return csvResponse(out.toString(), "timeline-milestones-" + timeline.today() + ".csv");
    }

    /** One of the dashboard's lists (certificates, coverage, upcoming, attention) with the dashboard's filters. */
    @GetMapping({"/api/dashboard/{list}.csv", "/exports/dashboard/{list}.csv"})
    ResponseEntity<String> dashboardCsv(@PathVariable String list,
                                        @RequestParam(name = "framework", required = false) List<String> frameworks,
                                        @RequestParam(required = false) String owner,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(required = false) @Parameter(description = LANG_DOC) String lang)
            throws IOException {
        if (!Dashboard.LISTS.contains(list)) {
            throw new ValidationException("list", "Unknown list; one of " + Dashboard.LISTS + ".");
        }
        CsvWords words = CsvWords.of(language(lang));
        // the rows' words (what, state) are the dashboard's own, in the reader's language (DashboardWords)
        Dashboard dashboard = dashboards.dashboard(query(null, frameworks, owner, q, false, null), words.locale());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = csvFormat(words.header("dashboard", "program_id", "program", "what", "date", "state")).print(out)) {
            for (Dashboard.Row r : dashboard.list(list)) {
                csv.printRecord(r.programId(), safe(r.program()), safe(r.what()), words.day(r.date()), r.state());
            }
        }
        return csvResponse(out.toString(), "dashboard-" + list + "-" + dashboard.today() + ".csv");
    }

    /** The one-page board report as PDF (executives, managers, admins), in English or the {@code lang} asked for. */
    @GetMapping(value = {"/api/reports/board", "/exports/reports/board"}, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> board(@RequestParam(name = "framework", required = false) List<String> frameworks,
                                 @RequestParam(required = false) String owner,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(required = false) @Parameter(description = LANG_DOC) String lang) {
        Locale locale = language(lang);
        BoardReportService.BoardReport report = boardReports.report(query(null, frameworks, owner, q, false, null), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("board-report-" + report.date() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(report.pdf());
    }

    private static CSVFormat csvFormat(String[] header) {
        return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get();
    }

    /** Spreadsheet formula injection: a cell that starts like a formula is prefixed with a quote. */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static ResponseEntity<String> csvResponse(String body, String filename) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static String sha256(String s) {
        return HexFormat.of().formatHex(Secrets.digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
