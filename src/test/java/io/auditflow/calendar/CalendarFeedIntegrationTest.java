package io.auditflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.TestTasks;
import io.auditflow.timeline.TimelineSeed;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class CalendarFeedIntegrationTest {

    @Autowired
    CalendarFeedService feeds;
    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    UserService users;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestClock clock;
    @Autowired
    TestRestTemplate rest;

    final String n = Long.toString(System.nanoTime());

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    static String path(String url) {
        return url.substring(url.indexOf("/calendar/"));
    }

    static Map<String, VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void every_line_of_the_feed_is_at_most_75_octets_and_ical4j_reads_the_long_names_back() throws Exception {
        String longName = "Überwachung der Rechenzentren Süd – Zertifizierung nach ISO/IEC 27001 für größere Standorte " + n;
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        Long id = seed.program(longName, Framework.ISO27001, "manager", "grc")
                .planned(MilestoneType.RECERTIFICATION_AUDIT, 3, LocalDate.parse("2026-10-05"))
                .programId();
        signIn("executive", Role.EXECUTIVE);
        String url = feeds.regenerate(FeedKind.ORGANISATION);
        String body = rest.getForEntity(path(url), String.class).getBody();

        assertThat(body).contains("\r\n ");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        VEvent event = events(body).get("milestone-" + id + "-recertification_audit-3@auditflow");
        assertThat(value(event, Property.SUMMARY)).isEqualTo(longName + ": Recertification audit (cycle 3)");
        assertThat(value(event, Property.URL)).isEqualTo("http://localhost:8080/programs/" + id);
    }

    @Test
    void the_organisation_feed_has_one_all_day_event_per_dated_milestone() throws Exception {
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        Long id = seed.program("Feed ISO " + n, Framework.ISO27001, "manager", "grc")
                .done(MilestoneType.STAGE1_AUDIT, 1, LocalDate.parse("2025-11-03"))
                .planned(MilestoneType.STAGE2_AUDIT, 1, LocalDate.parse("2026-02-16"))
                .status(MilestoneType.SURVEILLANCE_AUDIT_1, 2, LocalDate.parse("2026-03-02"), MilestoneStatus.MISSED, "Not booked")
                .programId();
        SystemAuthentication.run(() -> milestones.plan(id, MilestoneType.CERTIFICATE_EXPIRY, 1, null));
        signIn("executive", Role.EXECUTIVE);
        String url = feeds.regenerate(FeedKind.ORGANISATION);
        assertThat(url).startsWith("http://localhost:8080/calendar/org/").endsWith(".ics");

        ResponseEntity<String> response = rest.getForEntity(path(url), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        Map<String, VEvent> events = events(response.getBody());

        VEvent stage1 = events.get("milestone-" + id + "-stage1_audit-1@auditflow");
        assertThat(value(stage1, Property.SUMMARY)).isEqualTo("Feed ISO " + n + ": Stage 1 audit");
        assertThat(stage1.getProperty(Property.DTSTART).orElseThrow().toString()).contains("VALUE=DATE").contains("20251103");
        assertThat(value(stage1, Property.DTEND)).isEqualTo("20251104");
        assertThat(value(stage1, Property.URL)).isEqualTo("http://localhost:8080/programs/" + id);
        assertThat(value(stage1, Property.DESCRIPTION)).contains("Done 2025-11-03");
        assertThat(value(stage1, Property.DTSTAMP)).isEqualTo("20260105T090000Z");

        VEvent stage2 = events.get("milestone-" + id + "-stage2_audit-1@auditflow");
        assertThat(value(stage2, Property.DTSTART)).isEqualTo("20260216");
        assertThat(value(stage2, Property.DESCRIPTION)).startsWith("ISO/IEC 27001 · Planned");
        VEvent surveillance = events.get("milestone-" + id + "-surveillance_audit_1-2@auditflow");
        assertThat(value(surveillance, Property.SUMMARY)).isEqualTo("MISSED - Feed ISO " + n + ": Surveillance audit 1 (cycle 2)");
        // an undated milestone has no event; the demo programs' milestones (if any) come along too
        assertThat(events).doesNotContainKey("milestone-" + id + "-certificate_expiry-1@auditflow");
        assertThat(events.keySet().stream().filter(k -> k.startsWith("milestone-" + id + "-"))).hasSize(3);

        // the same milestone keeps its UID when its date moves
        SystemAuthentication.run(() -> milestones.plan(id, MilestoneType.STAGE2_AUDIT, 1, LocalDate.parse("2026-02-23")));
        Map<String, VEvent> again = events(rest.getForEntity(path(url), String.class).getBody());
        assertThat(value(again.get("milestone-" + id + "-stage2_audit-1@auditflow"), Property.DTSTART)).isEqualTo("20260223");
    }

    @Test
    void the_personal_feed_has_the_users_tasks_and_the_milestones_of_their_programs_only() throws Exception {
        String user = "feeduser" + n;
        String team = "feedteam" + n;
        SystemAuthentication.run(() -> {
            users.seedTeam(team, "Feed team " + n, null);
            users.seedUser(user, "Fiona Feed", user + "@auditflow.example", "demo-password", Set.of(Role.COMPLIANCE_MEMBER),
                    Set.of(team));
        });
        TimelineSeed seed = new TimelineSeed(programs, milestones, clock.today());
        Long mine = seed.program("Mine " + n, Framework.SOC2_TYPE2, "manager", team)
                .planned(MilestoneType.FIELDWORK_START, 1, LocalDate.parse("2026-04-06")).programId();
        Long other = seed.program("Other " + n, Framework.SOC2_TYPE2, "manager", "grc")
                .planned(MilestoneType.FIELDWORK_START, 1, LocalDate.parse("2026-04-07")).programId();
        TestTasks.deploy(repository);
        Date due = Date.from(LocalDate.parse("2026-01-20").atTime(12, 0).toInstant(ZoneOffset.UTC));
        TestTasks.start(runtime, mine, "Upload policy set", due, null, team);
        TestTasks.start(runtime, other, "Someone else's task", due, "manager", "grc");

        signIn(user, Role.COMPLIANCE_MEMBER);
        String url = feeds.regenerate(FeedKind.PERSONAL);
        assertThat(url).contains("/calendar/user/");
        Map<String, VEvent> events = events(rest.getForEntity(path(url), String.class).getBody());

        assertThat(events).containsKey("milestone-" + mine + "-fieldwork_start-1@auditflow")
                .doesNotContainKey("milestone-" + other + "-fieldwork_start-1@auditflow");
        List<VEvent> tasks = events.values().stream().filter(e -> value(e, Property.UID).startsWith("task-")).toList();
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(value(t, Property.SUMMARY)).isEqualTo("Mine " + n + ": Upload policy set (task due)");
            assertThat(value(t, Property.DTSTART)).isEqualTo("20260120");
            assertThat(value(t, Property.URL)).isEqualTo("http://localhost:8080/programs/" + mine);
        });
    }

    @Test
    void regenerating_revokes_the_old_url_and_unknown_tokens_get_a_bare_404() {
        signIn("auditor", Role.AUDITOR);
        String first = feeds.regenerate(FeedKind.PERSONAL);
        assertThat(rest.getForEntity(path(first), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        String second = feeds.regenerate(FeedKind.PERSONAL);
        assertThat(second).isNotEqualTo(first);

        ResponseEntity<String> old = rest.getForEntity(path(first), String.class);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(old.getBody()).isNull();
        assertThat(rest.getForEntity(path(second), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the token of one feed kind does not open the other
        String token = second.substring(second.lastIndexOf('/') + 1);
        assertThat(rest.getForEntity("/calendar/org/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/calendar/user/not-a-real-token-at-all-xyz.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/calendar/user/short.ics", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/calendar/user/" + token.replace(".ics", ""), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        feeds.revoke(FeedKind.PERSONAL);
        assertThat(rest.getForEntity(path(second), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(feeds.activeSince(FeedKind.PERSONAL)).isEmpty();
    }

    @Test
    void feeds_are_read_only_and_only_hashes_are_stored(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        signIn("executive", Role.EXECUTIVE);
        String url = feeds.regenerate(FeedKind.ORGANISATION);
        String token = url.substring(url.lastIndexOf('/') + 1).replace(".ics", "");
        assertThat(jdbc.queryForList("select token_hash from calendar_feed_token", String.class))
                .doesNotContain(token).contains(FeedTokens.hash(token));
        ResponseEntity<String> post = rest.postForEntity(path(url), "x", String.class);
        assertThat(post.getStatusCode().is2xxSuccessful()).isFalse();
    }
}
