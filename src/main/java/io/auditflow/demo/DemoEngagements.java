package io.auditflow.demo;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.engagement.AuditOption;
import io.auditflow.engagement.AuditRequest;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.EngagementForm;
import io.auditflow.engagement.EngagementService;
import io.auditflow.engagement.RequestService;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.evidence.EvidenceUpload;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo engagement: the SOC 2 Type II program's audit with a request list in progress (one
 * accepted with evidence, one submitted, one sent back, one in progress, the rest open) and the
 * demo {@code auditor} invited. Runs after {@link DemoData} (and so after DemoLifecycles), once.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "auditflow.demo.enabled", havingValue = "true")
class DemoEngagements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEngagements.class);
    static final String REQUESTS = "reference,request,criteria,due date,owner hint\r\n"
            + "PBC-01,Population of employees hired during the period with start dates,CC1.4,%1$s,grc\r\n"
            + "PBC-02,User access review evidence for each quarter of the period,\"CC6.1, CC6.2\",%1$s,grc\r\n"
            + "PBC-03,Vulnerability scan reports and remediation tickets,\"CC7.1, CC7.2\",%2$s,platform\r\n"
            + "PBC-04,Change tickets for production deployments (population),CC8.1,%2$s,platform\r\n"
            + "PBC-05,Security awareness training completion records,\"CC1.4, CC2.2\",%2$s,grc\r\n"
            + "PBC-06,Vendor risk reviews of critical subservice organisations,CC9.2,%3$s,grc\r\n"
            + "PBC-07,Incident log and post-incident reviews,CC7.4,%3$s,platform\r\n"
            + "PBC-08,Board or management meeting minutes covering security oversight,CC1.2,%3$s,grc\r\n";

    private final EngagementService engagements;
    private final RequestService requests;
    private final ProgramService programs;
    private final EvidenceService evidence;
    private final TaskService tasks;
    private final Clock clock;

    DemoEngagements(EngagementService engagements, RequestService requests, ProgramService programs,
                    EvidenceService evidence, TaskService tasks, Clock clock) {
        this.engagements = engagements;
        this.requests = requests;
        this.programs = programs;
        this.evidence = evidence;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            SystemAuthentication.run(this::seed);
        } catch (RuntimeException e) {
            // Demo data must never stop the app.
            log.warn("Demo engagement not created: {}", e.getMessage());
        }
    }

    private void seed() {
        if (!engagements.list().isEmpty()) {
            return;
        }
        Program program = programs.list(false).stream().filter(p -> p.framework() == Framework.SOC2_TYPE2)
                .filter(p -> p.name().startsWith("Acme Cloud")).findFirst().orElse(null);
        if (program == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        AuditOption window = engagements.auditsOf(program.id()).stream()
                .filter(a -> a.milestoneType().equals("OBSERVATION_END")).findFirst().orElse(null);
        Engagement e = engagements.create(new EngagementForm(program.id(), "OBSERVATION_END",
                window == null ? 1 : window.cycle(), null, "Example Assurance LLP", "Otto Auditor",
                window == null ? today.plusDays(20) : null, window == null ? today.plusDays(55) : null,
                window == null ? today.minusMonths(11) : null, window == null ? today.plusMonths(1) : null));
        engagements.invite(e.id(), "auditor");
        String csv = String.format(REQUESTS, today.plusDays(7), today.plusDays(14), today.plusDays(21));
        requests.importCsv(e.id(), csv.getBytes(StandardCharsets.UTF_8));
        List<AuditRequest> list = requests.list(e.id(), null);

        // PBC-01 answered with evidence and accepted; PBC-02 submitted; PBC-03 sent back; PBC-04 in progress.
        AuditRequest first = list.get(0);
        tasks.claim(first.currentTaskId(), "member");
        as("member", "ROLE_COMPLIANCE_MEMBER", () -> evidence.upload(first.currentTaskId(), List.of(new EvidenceUpload(
                "new-hires.csv", "name,start date\nAlex Example,2026-01-12\n".getBytes(StandardCharsets.UTF_8))), today));
        answer(first, "New-hire list from the HR system, with start dates.");
        as("auditor", "ROLE_AUDITOR", () -> requests.decide(first.id(), true, null, null));
        answer(list.get(1), "Quarterly access reviews are linked from the control activity tasks.");
        answer(list.get(2), "Scan reports attached.");
        as("auditor", "ROLE_AUDITOR", () -> requests.decide(list.get(2).id(), false,
                "Please add the remediation tickets for the high findings.", null));
        tasks.claim(list.get(3).currentTaskId(), "member");
        log.info("Demo engagement '{}' created with {} requests; auditor invited", e.name(), list.size());
    }

    private void answer(AuditRequest r, String text) {
        String taskId = requests.list(r.engagementId(), null).stream().filter(x -> x.id().equals(r.id())).findFirst()
                .orElseThrow().currentTaskId();
        if (tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null) {
            tasks.claim(taskId, "member");
        }
        tasks.complete(taskId, Map.of("answer", text));
    }

    private static <T> T as(String username, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
