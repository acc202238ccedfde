package io.auditflow.demo;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Soa;
import io.auditflow.control.SoaService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * Demo data of the unified control set: the seeded library already serves the demo SOC 2 Type II
 * and ISO programs at once (both owned by team grc, so they also form a joint-audit pair); this
 * adds the ISO program's Statement of Applicability, approved by the demo manager through the
 * real approval process, so the SoA page and coverage show a version in force.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "auditflow.demo.enabled", havingValue = "true")
class DemoControls implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoControls.class);

    private final ProgramService programs;
    private final SoaService soa;
    private final RuntimeService runtime;
    private final ManagementService management;

    DemoControls(ProgramService programs, SoaService soa, RuntimeService runtime, ManagementService management) {
        this.programs = programs;
        this.soa = soa;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void run(ApplicationArguments args) {
        Program iso = SystemAuthentication.call(() -> programs.list(false)).stream()
                .filter(p -> p.framework() == Framework.ISO27001 && p.name().equals("Acme ISMS ISO 27001")).findFirst().orElse(null);
        if (iso == null || as("manager", () -> soa.latest(iso.id())).isPresent()) {
            return;
        }
        as("member", () -> soa.startDraft(iso.id()));
        as("member", () -> soa.updateEntry(iso.id(), 1, "A.8.30", new Soa.EntryRequest(false,
                "All development is done by our own staff; no development is outsourced", null)));
        as("member", () -> soa.updateEntry(iso.id(), 1, "A.7.12", new Soa.EntryRequest(false,
                "No cabling of our own: offices use the landlord's managed network, production runs in the cloud", null)));
        as("member", () -> soa.updateEntry(iso.id(), 1, "A.8.11", new Soa.EntryRequest(true,
                "Customer data in test systems must be masked", Soa.Implementation.PLANNED)));
        Soa submitted = as("member", () -> soa.submit(iso.id(), 1));
        as("manager", () -> {
            soa.decide(iso.id(), 1, new Soa.Decision(true, "Matches the risk treatment plan"));
            return null;
        });
        // Run the approval's save point now, so the demo does not wait for the job executor.
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("soa-" + submitted.versionId()).list()
                .forEach(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().list()
                        .forEach(j -> SystemAuthentication.run(() -> management.executeJob(j.getId()))));
        log.info("Demo Statement of Applicability approved for {}", iso.name());
    }

    private static <T> T as(String user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        String role = user.equals("manager") ? "ROLE_COMPLIANCE_MANAGER" : "ROLE_COMPLIANCE_MEMBER";
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
