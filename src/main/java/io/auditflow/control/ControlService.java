package io.auditflow.control;

import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Validation;
import io.auditflow.identity.UserService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's unified control set. A control is a row of the control-activity library
 * (which plans its occurrences); this service adds the requirements it satisfies in every
 * catalogue, its history, and coverage per framework and per program. Changes keep the library's
 * old label columns in step, so the lifecycle's queries see the same controls.
 */
@Service
@Transactional
public class ControlService {

    /** Everyone inside the organisation; auditors read the catalogues and controls too. */
    public static final String CAN_READ = "isAuthenticated()";
    /** Coverage and programs' control data: not for auditors (their scope is an engagement). */
    public static final String CAN_SEE_PROGRAMS = "hasAnyRole('" + Roles.ADMIN + "','" + Roles.COMPLIANCE_MANAGER + "','"
            + Roles.COMPLIANCE_MEMBER + "','" + Roles.EXECUTIVE + "')";
    public static final Set<Integer> FREQUENCIES = Set.of(1, 3, 6, 12);
    public static final int MAX_REQUIREMENTS = 200;
    private static final int LABEL_COLUMN = 400;

    private final JdbcClient jdbc;
    private final Catalogues catalogues;
    private final UserService users;
    private final ProgramService programs;
    private final Clock clock;

    ControlService(JdbcClient jdbc, Catalogues catalogues, UserService users, ProgramService programs, Clock clock) {
        this.jdbc = jdbc;
        this.catalogues = catalogues;
        this.users = users;
        this.programs = programs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(CAN_READ)
    public List<Control> list(boolean includeRetired) {
        Map<String, Map<String, List<String>>> reqs = requirementsByControl();
        return jdbc.sql("select code, name, owner_team, frequency_months, active from control_activity"
                        + (includeRetired ? "" : " where active = true") + " order by name")
                .query((rs, i) -> new Control(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), reqs.getOrDefault(rs.getString(1), Map.of())))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(CAN_READ)
    public Control get(String code) {
        return list(true).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No control '" + Catalogues.shorten(code) + "'"));
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Control create(Control.Request request) {
        Validation v = validate(request, true);
        String code = request.code() == null ? "" : request.code().trim();
        v.check(jdbc.sql("select count(*) from control_activity where code = ?").param(code).query(Long.class).single() == 0,
                "code", "A control with the code " + code + " exists already");
        v.throwIfInvalid();
        Map<String, List<String>> reqs = normalise(request.requirements());
        jdbc.sql("insert into control_activity (code, name, frequency_months, owner_team, soc2_criteria, iso_controls, form_name, active)"
                        + " values (?, ?, ?, ?, ?, ?, 'control-activity', true)")
                .params(code, request.name().trim(), request.frequencyMonths(), request.ownerTeam().trim(),
                        label(reqs.get("SOC2")), label(reqs.get("ISO27001")))
                .update();
        writeRequirements(code, reqs);
        history(code, "CREATED", "Added: " + describe(request.name().trim(), request.ownerTeam().trim(), request.frequencyMonths(), reqs));
        return get(code);
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Control update(String code, Control.Request request) {
        Control before = get(code);
        if (!before.active()) {
            throw new ConflictException("The control " + code + " is retired; retired controls keep their last state");
        }
        validate(request, false).throwIfInvalid();
        Map<String, List<String>> reqs = normalise(request.requirements());
        jdbc.sql("update control_activity set name = ?, frequency_months = ?, owner_team = ?, soc2_criteria = ?, iso_controls = ?"
                        + " where code = ?")
                .params(request.name().trim(), request.frequencyMonths(), request.ownerTeam().trim(),
                        label(reqs.get("SOC2")), label(reqs.get("ISO27001")), code)
                .update();
        jdbc.sql("delete from control_requirement where activity_code = ?").param(code).update();
        writeRequirements(code, reqs);
        List<String> changes = new ArrayList<>();
        diff(changes, "name", before.name(), request.name().trim());
        diff(changes, "owner team", before.ownerTeam(), request.ownerTeam().trim());
        diff(changes, "frequency (months)", before.frequencyMonths(), request.frequencyMonths());
        for (String fw : union(before.requirements().keySet(), reqs.keySet())) {
            diff(changes, fw, String.join(", ", before.requirementsOf(fw)), String.join(", ", reqs.getOrDefault(fw, List.of())));
        }
        history(code, "CHANGED", changes.isEmpty() ? "Saved without changes" : String.join("; ", changes));
        return get(code);
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Control retire(String code, String reason) {
        Control before = get(code);
        if (!before.active()) {
            throw new ConflictException("The control " + code + " is retired already");
        }
        Validation v = new Validation();
        v.check(reason != null && !reason.isBlank(), "reason", "Say why the control is retired");
        v.check(reason == null || reason.length() <= 1000, "reason", "Keep the reason under 1000 characters");
        v.throwIfInvalid();
        jdbc.sql("update control_activity set active = false where code = ?").param(code).update();
        history(code, "RETIRED", "Retired: " + reason.trim());
        return get(code);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(CAN_READ)
    public List<Control.Change> history(String code) {
        get(code);
        return jdbc.sql("select action, summary, changed_by, changed_at from control_change where activity_code = ? order by changed_at, id")
                .param(code)
                .query((rs, i) -> new Control.Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Every assessable item of a framework with the active controls behind it; those without are gaps. */
    @Transactional(readOnly = true)
    @PreAuthorize(CAN_SEE_PROGRAMS)
    public Coverage coverage(String framework) {
        Catalogue c = catalogues.catalogue(framework);
        return Coverage.of(c.code(), c.assessable(), controlsFor(c.code()));
    }

    /**
     * Coverage of one program: a SOC 2 program against the criteria of its trust categories, an ISO
     * program against the Annex A controls its Statement of Applicability in force does not exclude.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(CAN_SEE_PROGRAMS)
    public Coverage programCoverage(Long programId, Set<String> notApplicable) {
        Program p = programs.get(programId);
        Catalogue c = catalogues.catalogue(catalogueCode(p.framework()));
        Predicate<Requirement> inScope = inScope(p, notApplicable);
        return Coverage.of(c.code(), c.assessable().stream().filter(inScope).toList(), controlsFor(c.code()));
    }

    /** The catalogue a program's framework is measured against. */
    public static String catalogueCode(Framework framework) {
        return framework.isSoc2() ? "SOC2" : "ISO27001";
    }

    /** Whether a control serves a program: it satisfies at least one requirement in the program's scope. */
    public boolean serves(Control control, Program program) {
        Predicate<Requirement> inScope = inScope(program, Set.of());
        Catalogue c = catalogues.catalogue(catalogueCode(program.framework()));
        return control.requirementsOf(c.code()).stream().map(c::find).flatMap(java.util.Optional::stream).anyMatch(inScope);
    }

    private static Predicate<Requirement> inScope(Program p, Set<String> notApplicable) {
        if (p.framework().isSoc2()) {
            Set<String> categories = new LinkedHashSet<>();
            categories.add(TrustCategory.SECURITY.name());
            p.criteria().forEach(t -> categories.add(t.name()));
            return r -> categories.contains(r.category());
        }
        return r -> !notApplicable.contains(r.id());
    }

    private Map<String, Set<String>> controlsFor(String framework) {
        Map<String, Set<String>> out = new TreeMap<>();
        jdbc.sql("select r.activity_code, r.requirement_id from control_requirement r join control_activity a on a.code = r.activity_code"
                        + " where a.active = true and r.framework = ?").param(framework)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                });
        return out;
    }

    private Map<String, Map<String, List<String>>> requirementsByControl() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        jdbc.sql("select activity_code, framework, requirement_id from control_requirement order by activity_code, framework, requirement_id")
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                });
        return out;
    }

    private Validation validate(Control.Request r, boolean creating) {
        Validation v = new Validation();
        if (r == null) {
            v.check(false, "name", "Send the control's name, owner team, frequency and requirements");
            v.throwIfInvalid();
        }
        if (creating) {
            v.check(r.code() != null && r.code().trim().matches("[A-Z][A-Z0-9_]{1,63}"), "code",
                    "Give a code of 2-64 capital letters, digits or '_', starting with a letter (e.g. ACCESS_REVIEW)");
        }
        v.check(r.name() != null && !r.name().isBlank(), "name", "Give the control a name");
        v.check(r.name() == null || r.name().trim().length() <= 200, "name", "Keep the name under 200 characters");
        v.check(r.name() == null || !r.name().matches(".*\\p{Cntrl}.*"), "name", "The name contains control characters");
        v.check(r.ownerTeam() != null && users.findTeam(r.ownerTeam().trim()).isPresent(), "ownerTeam",
                "Choose an existing owner team");
        v.check(r.frequencyMonths() != null && FREQUENCIES.contains(r.frequencyMonths()), "frequencyMonths",
                "Choose a frequency of 1, 3, 6 or 12 months");
        int count = 0;
        if (r.requirements() != null) {
            for (Map.Entry<String, List<String>> e : r.requirements().entrySet()) {
                java.util.Optional<Catalogue> c = catalogues.find(e.getKey());
                if (c.isEmpty()) {
                    v.check(false, "requirements", "Unknown framework '" + Catalogues.shorten(e.getKey()) + "'");
                    continue;
                }
                for (String id : e.getValue() == null ? List.<String>of() : e.getValue()) {
                    count++;
                    boolean ok = id != null && c.get().assessable().stream().anyMatch(q -> q.id().equals(id.trim()));
                    v.check(ok, "requirements", "'" + Catalogues.shorten(id) + "' is not a requirement of " + c.get().code());
                }
            }
        }
        v.check(count <= MAX_REQUIREMENTS, "requirements", "A control can satisfy at most " + MAX_REQUIREMENTS + " requirements");
        return v;
    }

    private Map<String, List<String>> normalise(Map<String, List<String>> in) {
        Map<String, List<String>> out = new TreeMap<>();
        if (in != null) {
            in.forEach((fw, ids) -> {
                List<String> clean = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(String::trim).distinct().sorted().toList();
                if (!clean.isEmpty()) {
                    out.put(catalogues.catalogue(fw).code(), clean);
                }
            });
        }
        return out;
    }

    private void writeRequirements(String code, Map<String, List<String>> reqs) {
        reqs.forEach((fw, ids) -> ids.forEach(id -> jdbc.sql(
                        "insert into control_requirement (activity_code, framework, requirement_id) values (?, ?, ?)")
                .params(code, fw, id).update()));
    }

    private void history(String code, String action, String summary) {
        String text = summary.length() > 2000 ? summary.substring(0, 1997) + "..." : summary;
        jdbc.sql("insert into control_change (activity_code, action, summary, changed_by, changed_at) values (?, ?, ?, ?, ?)")
                .params(code, action, text, CurrentUser.require(), Timestamp.from(clock.instant())).update();
    }

    /** The library's old label columns hold at most 400 characters. */
    private static String label(List<String> ids) {
        String s = ids == null ? "" : String.join(", ", ids);
        return s.length() <= LABEL_COLUMN ? s : s.substring(0, LABEL_COLUMN - 3) + "...";
    }

    private static String describe(String name, String team, int freq, Map<String, List<String>> reqs) {
        return name + ", team " + team + ", every " + freq + " months" + (reqs.isEmpty() ? "" : ", " + reqs);
    }

    private static void diff(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + ": " + (before == null || "".equals(before) ? "-" : before) + " -> "
                    + (after == null || "".equals(after) ? "-" : after));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.TreeSet<>(a);
        s.addAll(b);
        return s;
    }
}
