package io.auditflow.calendar;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserService;
import io.auditflow.common.Messages;
import java.util.Locale;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.timeline.TaskDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds behind secret URLs. A signed-in user creates or regenerates their own URLs (which
 * revokes the old ones); a calendar client reads a feed with nothing but the URL.
 */
@Service
@Transactional
public class CalendarFeedService {

    private final FeedTokens tokens;
    private final ProgramService programs;
    private final MilestoneService milestones;
    private final TaskDeadlines deadlines;
    private final UserService users;
    private final Clock clock;
    private final AuditflowProperties properties;
    private final UserLanguage languages;

    CalendarFeedService(FeedTokens tokens, ProgramService programs, MilestoneService milestones, TaskDeadlines deadlines,
                        UserService users, Clock clock, AuditflowProperties properties, UserLanguage languages) {
        this.languages = languages;
        this.tokens = tokens;
        this.programs = programs;
        this.milestones = milestones;
        this.deadlines = deadlines;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new secret URL for the signed-in user's feed; the old URL answers 404 from now on. */
    @PreAuthorize("isAuthenticated()")
    public String regenerate(FeedKind kind) {
        String token = tokens.replace(CurrentUser.require(), kind, clock.instant());
        return url(kind, token);
    }

    /** Turns the signed-in user's feed off. */
    @PreAuthorize("isAuthenticated()")
    public void revoke(FeedKind kind) {
        tokens.delete(CurrentUser.require(), kind);
    }

    /** When the signed-in user's current URL was made, if there is one (the URL itself is not stored). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Instant> activeSince(FeedKind kind) {
        return tokens.createdAt(CurrentUser.require(), kind);
    }

    public String url(FeedKind kind, String token) {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        return base + "calendar/" + kind.path() + "/" + token + ".ics";
    }

    /**
     * The feed for a URL path, or empty when the kind or token is unknown, revoked, or its user is
     * disabled: the caller answers 404 and reveals nothing else.
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String kindPath, String token) {
        FeedKind kind = FeedKind.ofPath(kindPath);
        if (kind == null) {
            return Optional.empty();
        }
        Optional<UserSummary> user = tokens.owner(kind, token).flatMap(users::findUser).filter(UserSummary::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        // The feed speaks its owner's language; a calendar client sends no session and no useful Accept-Language.
        Locale locale = languages.forRecipient(user.get().username());
        IcsWriter ics = new IcsWriter(properties.baseUrl(), clock.instant(), kind == FeedKind.PERSONAL
                ? "Auditflow: " + user.get().displayName() : "Auditflow: " + Messages.get("ics.allAudits", locale), locale);
        List<Program> active = programs.list(false);
        List<Program> shown = kind == FeedKind.ORGANISATION ? active : programsOf(user.get().username(), active);
        for (Program p : shown) {
            for (Milestone m : milestones.ofProgram(p.id())) {
                ics.milestone(p, m);
            }
        }
        if (kind == FeedKind.PERSONAL) {
            Map<Long, Program> byId = active.stream().collect(Collectors.toMap(Program::id, Function.identity()));
            deadlines.dueTasksOf(user.get().username(), users.teamCodesOf(user.get().username()))
                    .forEach(t -> ics.task(t, t.programId() == null ? null : byId.get(t.programId())));
        }
        return Optional.of(ics.write());
    }

    /** Programs the user owns or whose team they belong to. */
    private List<Program> programsOf(String username, List<Program> active) {
        List<String> teams = users.teamCodesOf(username);
        List<Program> mine = new ArrayList<>();
        for (Program p : active) {
            if (username.equals(p.owner()) || (p.team() != null && teams.contains(p.team()))) {
                mine.add(p);
            }
        }
        return mine;
    }
}
