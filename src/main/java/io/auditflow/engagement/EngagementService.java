package io.auditflow.engagement;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Phrase;
import io.auditflow.common.Validation;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engagements and who may see them. Managers see every engagement; invited auditors only theirs,
 * from the invitation until {@code access-days-after-report} days after the report or
 * certification decision (by the injected clock) or until revoked; team members the engagements
 * of their teams' programs. Anyone else gets "not found", so ids cannot be probed.
 */
@Service
@Transactional
public class EngagementService {

    public static final int MAX_NAME = 200;

    private final JdbcTemplate jdbc;
    private final ProgramService programs;
    private final UserService users;
    private final AuditCalendar calendar;
    private final EngagementProperties properties;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String baseUrl;

    private final io.auditflow.identity.UserLanguage languages;

    EngagementService(JdbcTemplate jdbc, ProgramService programs, UserService users, AuditCalendar calendar,
                      EngagementProperties properties, MailOutbox outbox, Clock clock, AuditflowProperties app,
                      io.auditflow.identity.UserLanguage languages) {
        this.languages = languages;
        this.jdbc = jdbc;
        this.programs = programs;
        this.users = users;
        this.calendar = calendar;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = app.baseUrl() == null ? "" : app.baseUrl().replaceAll("/+$", "");
    }

    public EngagementProperties settings() {
        return properties;
    }

    /** The audits of a program an engagement can be created for, from its calendar. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<AuditOption> auditsOf(Long programId) {
        programs.find(programId).orElseThrow(() -> new NotFoundException("No program " + programId));
        return calendar.audits(programId).stream()
                .map(a -> new AuditOption(a.type().name(), a.cycle(), a.date(), a.label())).toList();
    }

    /** Creates the engagement; a default name is written in the creator's chosen language (English without a choice). */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Engagement create(EngagementForm form) {
        return create(form, languages.forRecipient(CurrentUser.require()));
    }

    /**
     * Creates the engagement; an empty name becomes "program · audit (cycle, day)" in {@code language}
     * with that language's date format (the screen passes its reader's). The name is stored as written.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Engagement create(EngagementForm form, Locale language) {
        String me = CurrentUser.require();
        Validation v = new Validation();
        Optional<Program> program = form == null || form.programId() == null ? Optional.empty() : programs.find(form.programId());
        v.check(program.isPresent(), "programId", "Choose an existing program");
        MilestoneType type = null;
        try {
            type = form == null || form.milestoneType() == null ? null : MilestoneType.valueOf(form.milestoneType().trim());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        v.check(type != null && AuditCalendar.AUDITS.contains(type), "milestoneType",
                "Choose the audit: one of " + AuditCalendar.AUDITS.stream().map(Enum::name).sorted().toList());
        if (program.isPresent() && type != null) {
            boolean soc2 = type == MilestoneType.AS_OF_DATE || type == MilestoneType.OBSERVATION_END;
            Framework fw = program.get().framework();
            v.check(soc2 == (fw != Framework.ISO27001), "milestoneType",
                    "A " + fw + " program has no " + type + " audit");
            v.check(type != MilestoneType.AS_OF_DATE || fw == Framework.SOC2_TYPE1, "milestoneType",
                    "An as-of date belongs to a SOC 2 Type I program");
            v.check(type != MilestoneType.OBSERVATION_END || fw == Framework.SOC2_TYPE2, "milestoneType",
                    "An observation window belongs to a SOC 2 Type II program");
        }
        int cycle = form == null || form.cycle() == null ? 1 : form.cycle();
        v.check(cycle >= 1 && cycle <= 100, "cycle", "Use a cycle from 1 to 100");
        String name = form == null || form.name() == null ? "" : form.name().trim();
        v.check(name.length() <= MAX_NAME, "name", "Keep the name under " + MAX_NAME + " characters");
        v.check(form == null || form.auditFirm() == null || form.auditFirm().length() <= 200, "auditFirm", "Keep the firm's name under 200 characters");
        v.check(form == null || form.leadAuditor() == null || form.leadAuditor().length() <= 200, "leadAuditor", "Keep the lead auditor's name under 200 characters");
        v.throwIfInvalid();

        Optional<AuditCalendar.Period> period = calendar.period(form.programId(), type, cycle);
        LocalDate periodStart = form.periodStart() != null ? form.periodStart() : period.map(AuditCalendar.Period::start).orElse(null);
        LocalDate periodEnd = form.periodEnd() != null ? form.periodEnd() : period.map(AuditCalendar.Period::end).orElse(null);
        Optional<AuditCalendar.Period> fieldwork = calendar.fieldwork(form.programId(), type, cycle);
        LocalDate fieldworkStart = form.fieldworkStart() != null ? form.fieldworkStart() : fieldwork.map(AuditCalendar.Period::start).orElse(null);
        LocalDate fieldworkEnd = form.fieldworkEnd() != null ? form.fieldworkEnd() : fieldwork.map(AuditCalendar.Period::end).orElse(null);
        v.check(periodStart != null && periodEnd != null, "periodStart",
                "The calendar has no dates for this audit yet; give the period whose evidence counts");
        v.check(periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart), "periodEnd",
                "The period ends before it starts");
        v.check(fieldworkStart == null || fieldworkEnd == null || !fieldworkEnd.isBefore(fieldworkStart), "fieldworkEnd",
                "Fieldwork ends before it starts");
        v.throwIfInvalid();
        if (name.isEmpty()) {
            name = Phrase.of("engagement.defaultName", program.get().name(), AuditCalendar.name(type, cycle, periodEnd))
                    .in(language);
            name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        }
        jdbc.update("insert into engagement (program_id, milestone_type, cycle, name, audit_firm, lead_auditor,"
                        + " fieldwork_start, fieldwork_end, period_start, period_end, created_by, created_at)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                form.programId(), type.name(), cycle, name, blankToNull(form.auditFirm()), blankToNull(form.leadAuditor()),
                date(fieldworkStart), date(fieldworkEnd), date(periodStart), date(periodEnd), me,
                Timestamp.from(clock.instant()));
        Long id = jdbc.queryForObject("select max(id) from engagement where program_id = ? and created_by = ?", Long.class,
                form.programId(), me);
        return find(id).orElseThrow();
    }

    /** The newest engagement of one audit of a program (managers), if any: the program page links to it. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_MANAGE)
    public Optional<Engagement> forAudit(Long programId, MilestoneType type, int cycle) {
        return jdbc.query("select * from engagement where program_id = ? and milestone_type = ? and cycle = ?"
                + " order by created_at desc, id desc", this::map, programId, type.name(), cycle).stream().findFirst();
    }

    /** The engagements the caller may see, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Engagement> list() {
        return all().stream().filter(this::visible).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Engagement> ofProgram(Long programId) {
        return list().stream().filter(e -> e.programId().equals(programId)).toList();
    }

    /** The engagement if the caller may see it; otherwise "not found", whether it exists or not. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public Engagement get(Long id) {
        return find(id).filter(this::visible).orElseThrow(() -> notFound(id));
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public AuditorAccess invite(Long engagementId, String username) {
        String me = CurrentUser.require();
        Engagement e = get(engagementId);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Optional<UserSummary> user = name.isEmpty() || name.length() > 64 ? Optional.empty() : users.findUser(name);
        new Validation()
                .check(user.isPresent() && user.get().enabled(), "username", "No active user '" + username + "'")
                .check(user.isEmpty() || user.get().hasRole(Role.AUDITOR), "username",
                        user.map(UserSummary::displayName).orElse("") + " does not have the Auditor role")
                .throwIfInvalid();
        Instant now = clock.instant();
        int updated = jdbc.update("update engagement_auditor set revoked_at = null, revoked_by = null, invited_by = ?,"
                + " invited_at = ? where engagement_id = ? and username = ? and revoked_at is not null", me,
                Timestamp.from(now), engagementId, name);
        boolean exists = count("select count(*) from engagement_auditor where engagement_id = ? and username = ?",
                engagementId, name) > 0;
        if (!exists) {
            jdbc.update("insert into engagement_auditor (engagement_id, username, invited_by, invited_at) values (?,?,?,?)",
                    engagementId, name, me, Timestamp.from(now));
        }
        if (updated > 0 || !exists) {
            UserSummary to = user.get();
            java.util.Locale l = recipientLocale(to.username());
            outbox.enqueue(EngagementService.mail("ENGAGEMENT_INVITE:" + engagementId + ":" + name + ":" + now.toEpochMilli(),
                    to.username(), to.email(), io.auditflow.common.Phrase.of("mail.engagement.invite.subject", e.name()), l,
                    io.auditflow.common.Messages.get("mail.engagement.invite.text", l, to.displayName(), e.name(),
                            e.programName(), link(engagementId)), link(engagementId)));
        }
        return auditors(engagementId).stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow();
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public AuditorAccess revoke(Long engagementId, String username) {
        String me = CurrentUser.require();
        get(engagementId);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        int n = jdbc.update("update engagement_auditor set revoked_at = ?, revoked_by = ? where engagement_id = ?"
                + " and username = ? and revoked_at is null", Timestamp.from(clock.instant()), me, engagementId, name);
        if (n == 0 && auditors(engagementId).stream().noneMatch(a -> a.username().equals(name))) {
            throw new NotFoundException("'" + username + "' is not invited to this engagement");
        }
        return auditors(engagementId).stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<AuditorAccess> auditors(Long engagementId) {
        Engagement e = get(engagementId);
        Optional<LocalDate> ends = accessEndsOn(e);
        return jdbc.query("select username, invited_by, invited_at, revoked_at from engagement_auditor"
                + " where engagement_id = ? order by username", (rs, i) -> {
                    String username = rs.getString(1);
                    Timestamp revoked = rs.getTimestamp(4);
                    boolean active = revoked == null && ends.map(d -> !today().isAfter(d)).orElse(true);
                    return new AuditorAccess(username, users.findUser(username).map(UserSummary::displayName).orElse(username),
                            rs.getString(2), rs.getTimestamp(3).toInstant(), revoked == null ? null : revoked.toInstant(),
                            ends.orElse(null), active);
                }, engagementId);
    }

    /** Records the day the report or certification decision came; auditor access ends a set number of days later. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Engagement recordReport(Long engagementId, LocalDate on) {
        get(engagementId);
        new Validation().check(on == null || !on.isAfter(today()), "reportRecordedOn", "Choose today or an earlier day")
                .throwIfInvalid();
        jdbc.update("update engagement set report_recorded_on = ?, version = version + 1 where id = ?", date(on), engagementId);
        return get(engagementId);
    }

    /** The last day invited auditors may work in the engagement; empty while no report is recorded. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> accessEndsOn(Engagement e) {
        Optional<LocalDate> report = e.reportRecordedOn() != null ? Optional.of(e.reportRecordedOn())
                : calendar.reportRecorded(e.programId(), MilestoneType.valueOf(e.milestoneType()), e.cycle());
        return report.map(d -> d.plusDays(properties.accessDaysAfterReport()));
    }

    /** Whether the user is an invited auditor whose access has not ended. */
    @Transactional(readOnly = true)
    public boolean auditorActive(Engagement e, String username) {
        if (count("select count(*) from engagement_auditor where engagement_id = ? and username = ? and revoked_at is null",
                e.id(), username) == 0) {
            return false;
        }
        return accessEndsOn(e).map(d -> !today().isAfter(d)).orElse(true);
    }

    /** Whether the caller is acting as an auditor (and not as the team) on this engagement. */
    boolean actsAsAuditor(Engagement e) {
        return CurrentUser.hasRole(Role.AUDITOR) && !CurrentUser.canManage()
                && CurrentUser.username().map(u -> auditorActive(e, u)).orElse(false);
    }

    /** Team members see the requests of their teams; managers all; auditors all of their engagement. */
    boolean seesAllRequests(Engagement e) {
        return CurrentUser.canManage() || actsAsAuditor(e);
    }

    List<String> myTeams() {
        return CurrentUser.username().map(users::teamCodesOf).orElse(List.of());
    }

    Optional<UserSummary> user(String username) {
        return users.findUser(username);
    }

    String link(Long engagementId) {
        return baseUrl + "/engagements/" + engagementId;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private boolean visible(Engagement e) {
        if (CurrentUser.canManage()) {
            return true;
        }
        String me = CurrentUser.username().orElse(null);
        if (me == null) {
            return false;
        }
        if (CurrentUser.hasRole(Role.AUDITOR) && auditorActive(e, me)) {
            return true;
        }
        if (CurrentUser.hasRole(Role.COMPLIANCE_MEMBER)) {
            List<String> teams = users.teamCodesOf(me);
            if (teams.contains(e.programTeam())) {
                return true;
            }
            return !teams.isEmpty() && count("select count(*) from engagement_request where engagement_id = ? and team_code in ("
                    + String.join(",", teams.stream().map(t -> "?").toList()) + ")",
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(e.id()), teams.stream()).toArray()) > 0;
        }
        return false;
    }

    Optional<Engagement> find(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("select * from engagement where id = ?", this::map, id).stream().findFirst();
    }

    private List<Engagement> all() {
        return jdbc.query("select * from engagement order by created_at desc, id desc", this::map);
    }

    private Engagement map(ResultSet rs, int row) throws SQLException {
        Long programId = rs.getLong("program_id");
        Optional<Program> p = programs.find(programId);
        return new Engagement(rs.getLong("id"), programId, p.map(Program::name).orElse(null),
                p.map(Program::framework).orElse(null), p.map(Program::team).orElse(null),
                rs.getString("milestone_type"), rs.getInt("cycle"), rs.getString("name"), rs.getString("audit_firm"),
                rs.getString("lead_auditor"), local(rs.getDate("fieldwork_start")), local(rs.getDate("fieldwork_end")),
                local(rs.getDate("period_start")), local(rs.getDate("period_end")),
                local(rs.getDate("report_recorded_on")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** A mail of the engagement workspace, as text and as escaped HTML. */
    /** The language a mail to this person is written in (the one rule: identity.UserLanguage#forRecipient). */
    java.util.Locale recipientLocale(String username) {
        return languages.forRecipient(username);
    }

    /** The same with the subject as a phrase, written in {@code l}; the notification that follows words it for its reader. */
    static OutgoingMail mail(String key, String username, String email, io.auditflow.common.Phrase subject, java.util.Locale l,
                             String text, String link) {
        return mail(key, username, email, subject.in(l), text, link).withSubjectWords(subject);
    }

    static OutgoingMail mail(String key, String username, String email, String subject, String text, String link) {
        String html = "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
        return new OutgoingMail(key, "ENGAGEMENT", username, email, subject, text, html, null, link);
    }

    static NotFoundException notFound(Long id) {
        return new NotFoundException("No engagement " + id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static LocalDate local(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
