package io.auditflow.engagement;

import io.auditflow.common.NotFoundException;
import io.auditflow.common.Validation;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.program.Framework;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Samples of a recurring control activity's occurrences in the engagement's period, one request per
 * sampled occurrence. The seed is recorded, so anyone can draw the same sample again.
 */
@Service
@Transactional
public class SampleService {

    private final JdbcTemplate jdbc;
    private final EngagementService engagements;
    private final RequestService requests;
    private final ControlActivityService activities;
    private final PeriodActivities period;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    SampleService(JdbcTemplate jdbc, EngagementService engagements, RequestService requests,
                  ControlActivityService activities, PeriodActivities period, Clock clock) {
        this.period = period;
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.requests = requests;
        this.activities = activities;
        this.clock = clock;
    }

    /** The recurring activities with their occurrences in the engagement's period and the default sample size. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Population> populations(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        return activities.library().stream().map(a -> {
            int n = occurrences(e, a.code()).size();
            String freq = SampleDraw.frequency(a.frequencyMonths());
            return new Population(a.code(), a.name(), freq, n, Math.min(n, defaultSize(freq)));
        }).filter(p -> p.population() > 0).toList();
    }

    /** One activity's population for sampling: its occurrences in the engagement's cycle and period. */
    public record Population(String activityCode, String activityName, String frequency, int population,
                             int defaultSize) {
    }

    /**
     * Draws a sample; {@code size} null takes the default for the activity's frequency, {@code seed}
     * null a fresh random seed (recorded). Creates one request per sampled occurrence.
     */
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public Sample draw(Long engagementId, String activityCode, Integer size, Long seed) {
        String me = CurrentUser.require();
        Engagement e = engagements.get(engagementId);
        if (!CurrentUser.canManage() && !engagements.actsAsAuditor(e)) {
            throw new org.springframework.security.access.AccessDeniedException("Only managers and the engagement's auditors draw samples");
        }
        Optional<ControlActivityService.ControlActivity> activity = activities.library().stream()
                .filter(a -> a.code().equals(activityCode)).findFirst();
        Validation v = new Validation();
        v.check(activity.isPresent(), "activityCode", "Choose a control activity of the library");
        v.check(size == null || (size >= 1 && size <= 500), "size", "Use a sample size from 1 to 500");
        v.throwIfInvalid();
        List<ControlActivityService.Occurrence> population = occurrences(e, activityCode);
        ControlActivityService.ControlActivity named = activity.get();
        // the library control by its own key (control.name.*), so a German reader reads its German name
        v.check(!population.isEmpty(), "activityCode", io.auditflow.common.Phrase.of("service.sample.noOccurrences",
                (io.auditflow.common.Worded) locale -> io.auditflow.control.ControlWords.name(named.code(), named.name(), locale),
                e.periodStart(), e.periodEnd()));
        v.throwIfInvalid();
        String freq = SampleDraw.frequency(activity.get().frequencyMonths());
        int n = Math.min(size == null ? defaultSize(freq) : size, population.size());
        long usedSeed = seed == null ? seeds.nextLong() : seed;
        List<ControlActivityService.Occurrence> picked = SampleDraw.draw(population, n, usedSeed);
        Instant now = clock.instant();
        String ids = picked.stream().map(o -> o.id().toString()).collect(Collectors.joining(","));
        jdbc.update("insert into engagement_sample (engagement_id, activity_code, frequency, population, sample_size, seed,"
                        + " occurrence_ids, drawn_by, drawn_at) values (?,?,?,?,?,?,?,?,?)",
                e.id(), activityCode, freq, population.size(), n, usedSeed, ids, me, Timestamp.from(now));
        Long sampleId = jdbc.queryForObject("select max(id) from engagement_sample where engagement_id = ?", Long.class, e.id());
        String criteria = e.framework() == Framework.ISO27001 ? activity.get().isoControls() : activity.get().soc2Criteria();
        String team = requests.teamFor(e, activity.get().ownerTeam());
        int i = 1;
        for (ControlActivityService.Occurrence o : picked) {
            String reference = "S" + sampleId + "-" + i++;
            requests.insertAndStart(e, new RequestForm(reference, "Sample of " + activity.get().name() + ": the evidence of"
                    + " the occurrence due " + o.dueOn() + " (" + o.opensOn() + " to " + o.dueOn() + ")", criteria, null,
                    team), team, sampleId, o.id(), activityCode);
        }
        return get(sampleId).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<Sample> ofEngagement(Long engagementId) {
        engagements.get(engagementId);
        return jdbc.query("select * from engagement_sample where engagement_id = ? order by id", (rs, i) -> map(rs), engagementId);
    }

    private Optional<Sample> get(Long id) {
        return jdbc.query("select * from engagement_sample where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    private List<ControlActivityService.Occurrence> occurrences(Engagement e, String code) {
        return period.occurrences(e).stream().filter(o -> o.activityCode().equals(code)).toList();
    }

    private int defaultSize(String frequency) {
        return engagements.settings().sampleSizes().getOrDefault(frequency, 1);
    }

    private static Sample map(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Long> ids = Arrays.stream(rs.getString("occurrence_ids").split(",")).filter(s -> !s.isBlank())
                .map(Long::valueOf).toList();
        return new Sample(rs.getLong("id"), rs.getLong("engagement_id"), rs.getString("activity_code"),
                rs.getString("frequency"), rs.getInt("population"), rs.getInt("sample_size"), rs.getLong("seed"), ids,
                rs.getString("drawn_by"), rs.getTimestamp("drawn_at").toInstant());
    }
}
