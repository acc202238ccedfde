package io.auditflow.inbox;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.FormField;
import io.auditflow.lifecycle.TaskForms;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Test support: programs, process instances of the test model and sign-ins, so inbox tests work
 * on real process tasks created by the engine, never on hand-made rows.
 */
@Component
public class InboxFixture {

    public static final String REVIEW_FORM = "auditflow:inbox-test-review";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProgramService programs;
    private final UserService users;
    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ManagementService management;

    InboxFixture(RepositoryService repository, RuntimeService runtime, TaskService tasks, ProgramService programs,
                 UserService users, TaskForms forms) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.programs = programs;
        this.users = users;
        forms.register(REVIEW_FORM, List.of(
                new FormField("outcome", "Outcome", FormField.Type.CHOICE, true,
                        List.of(new FormField.Choice("OK", "No findings"), new FormField.Choice("ISSUES", "Issues found")), null),
                new FormField("accountsRemoved", "Accounts removed", FormField.Type.INTEGER, false, List.of(), null),
                new FormField("comment", "Comment", FormField.Type.TEXT_AREA, false, List.of(), null)));
    }

    public synchronized void deploy() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("inboxTestProcess").count() == 0) {
            repository.createDeployment().addClasspathResource("bpmn-test/inboxTestProcess.bpmn")
                    .name("inbox-test").deploy();
        }
    }

    public Program program(String prefix, String team) {
        return program(prefix, team, Framework.SOC2_TYPE2);
    }

    public Program program(String prefix, String team, Framework framework) {
        String name = prefix + " " + SEQ.incrementAndGet() + " " + System.nanoTime();
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest(name, framework,
                framework.isSoc2() ? EnumSet.of(TrustCategory.SECURITY) : EnumSet.noneOf(TrustCategory.class),
                "Test scope", framework == Framework.ISO27001 ? "2022" : null, "manager", team)));
    }

    /** A fresh team nobody from the demo data is on, for "other team" tests. */
    public String team(String prefix) {
        String code = prefix + SEQ.incrementAndGet() + "x" + (System.nanoTime() % 100000);
        SystemAuthentication.run(() -> users.saveTeam(code, "Team " + code, "manager"));
        return code;
    }

    /** Starts the test process for the program and returns its first (review) task. */
    public Task start(Program program, LocalDate due) {
        deploy();
        var pi = runtime.startProcessInstanceByKey("inboxTestProcess", "program-" + program.id(), Map.of(
                "programId", program.id(), "teamCode", program.team(), "cycle", 1,
                "reviewDue", Date.from(due.atTime(17, 0).toInstant(ZoneOffset.UTC))));
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    /** Starts the program's real audit lifecycle (lifecycle feature) and returns its first user task. */
    public Task startLifecycle(Program program, io.auditflow.lifecycle.LifecycleService lifecycle,
                               io.auditflow.lifecycle.LifecycleRequest request) {
        var started = SystemAuthentication.call(() -> lifecycle.startLifecycle(program.id(), request));
        // The job executor is off in tests: run the save points the engine left behind.
        for (int i = 0; i < 20 && tasks.createTaskQuery().processInstanceId(started.processInstanceId()).count() == 0; i++) {
            for (var job : management.createJobQuery().processInstanceId(started.processInstanceId()).executable().list()) {
                SystemAuthentication.run(() -> management.executeJob(job.getId()));
            }
        }
        return tasks.createTaskQuery().processInstanceId(started.processInstanceId()).list().stream()
                .findFirst().orElseThrow(() -> new AssertionError("The lifecycle opened no user task"));
    }

    public Task currentTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    public static <T> T as(String user, Role role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                Arrays.asList(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String user, Role role, Runnable work) {
        as(user, role, () -> {
            work.run();
            return null;
        });
    }
}
