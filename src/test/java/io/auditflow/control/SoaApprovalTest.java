package io.auditflow.control;

import static io.auditflow.inbox.InboxFixture.as;
import static io.auditflow.inbox.InboxFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.ConflictException;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.ValidationException;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Statement of Applicability from draft to approved version, on the moving clock: a manager
 * approves through the BPMN task, a rejection and an undecided submission go back to draft, and the
 * approved version stays as it was. Exports are read back.
 */
@IntegrationTest
class SoaApprovalTest {

    @Autowired SoaService soa;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    @BeforeEach
    void today_is_5_january_2026() {
        clock.reset();
    }

    private Program iso(String name) {
        return fixture.program(name, "grc", Framework.ISO27001);
    }

    private String processOf(Soa s) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("soa-" + s.versionId()).list().stream()
                .map(ProcessInstance::getId).findFirst()
                .orElseGet(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("soa-" + s.versionId())
                        .list().get(0).getId());
    }

    /** Runs the process's due jobs at the current time (the job executor is off in tests). */
    private void runDueJobs(String processInstanceId) {
        for (int i = 0; i < 5; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> SystemAuthentication.run(() -> management.executeJob(j.getId())));
        }
    }

    private static Soa.EntryRequest notApplicable(String why) {
        return new Soa.EntryRequest(false, why, null);
    }

    @Test
    void a_manager_approves_a_submitted_version_which_then_stays_as_it_was() {
        Program p = iso("SoA approval");
        Soa draft = as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        assertThat(draft.versionNo()).isEqualTo(1);
        assertThat(draft.entries()).hasSize(93);
        assertThat(draft.entries().get(0).controlId()).isEqualTo("A.5.1");
        assertThat(draft.entries().get(9).controlId()).isEqualTo("A.5.10");
        assertThat(draft.entries()).filteredOn(e -> e.controlId().equals("A.5.15")).singleElement()
                .satisfies(e -> assertThat(e.controls()).contains("USER_ACCESS_REVIEW"));

        as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(p.id(), 1, "A.7.1",
                notApplicable("No premises of our own: fully remote, hosting in a certified cloud region")));
        Soa submitted = as("member", Role.COMPLIANCE_MEMBER, () -> soa.submit(p.id(), 1));
        assertThat(submitted.status()).isEqualTo(Soa.Status.PENDING_APPROVAL);
        String pi = processOf(submitted);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult()).isWaitingAt("Task_ApproveSoa");
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> {
            soa.decide(p.id(), 1, new Soa.Decision(true, null));
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        clock.advanceDays(3);
        run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(p.id(), 1, new Soa.Decision(true, "Matches the risk treatment plan")));
        runDueJobs(pi);

        Soa approved = as("executive", Role.EXECUTIVE, () -> soa.inForce(p.id())).orElseThrow();
        assertThat(approved.versionNo()).isEqualTo(1);
        assertThat(approved.status()).isEqualTo(Soa.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("manager");
        assertThat(approved.decidedAt()).isEqualTo(clock.instant());
        assertThat(LocalDate.ofInstant(approved.decidedAt(), clock.getZone())).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(approved.applicableCount()).isEqualTo(92);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("EndEvent_SoaApproved").count()).isEqualTo(1);
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(p.id(), 1, "A.7.2",
                notApplicable("Changed my mind"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only a draft can change");

        Soa v2 = as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        assertThat(v2.versionNo()).isEqualTo(2);
        assertThat(v2.entries()).filteredOn(e -> e.controlId().equals("A.7.1")).singleElement()
                .satisfies(e -> assertThat(e.applicable()).isFalse());
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(p.id(), 2, "A.7.2", notApplicable("No premises of our own")));
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> soa.version(p.id(), 1)).applicableCount()).isEqualTo(92);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> soa.notApplicable(p.id()))).containsExactly("A.7.1");
    }

    @Test
    void a_rejection_needs_a_note_and_sends_the_version_back_to_draft() {
        Program p = iso("SoA rejection");
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        Soa submitted = as("member", Role.COMPLIANCE_MEMBER, () -> soa.submit(p.id(), 1));
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(p.id(), 1, new Soa.Decision(false, " "))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("note"));

        run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(p.id(), 1, new Soa.Decision(false, "Justify A.8.11 data masking")));
        runDueJobs(processOf(submitted));

        Soa back = as("member", Role.COMPLIANCE_MEMBER, () -> soa.latest(p.id())).orElseThrow();
        assertThat(back.status()).isEqualTo(Soa.Status.DRAFT);
        assertThat(back.decisionNote()).isEqualTo("Rejected: Justify A.8.11 data masking");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> soa.inForce(p.id()))).isEmpty();
    }

    @Test
    void a_submission_nobody_decides_within_30_days_goes_back_to_draft() {
        Program p = iso("SoA lapse");
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        Soa submitted = as("member", Role.COMPLIANCE_MEMBER, () -> soa.submit(p.id(), 1));
        String pi = processOf(submitted);

        clock.advanceDays(29);
        runDueJobs(pi);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> soa.latest(p.id())).orElseThrow().status())
                .isEqualTo(Soa.Status.PENDING_APPROVAL);

        clock.advanceDays(2);
        runDueJobs(pi);
        Soa back = as("member", Role.COMPLIANCE_MEMBER, () -> soa.latest(p.id())).orElseThrow();
        assertThat(back.status()).isEqualTo(Soa.Status.DRAFT);
        assertThat(back.decisionNote()).isEqualTo("Not decided by 2026-02-05; returned to draft");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("EndEvent_ApprovalLapsed").count()).isEqualTo(1);
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(p.id(), 1, new Soa.Decision(true, null))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not waiting for approval");
    }

    @Test
    void only_iso_programs_have_a_statement_of_applicability_and_a_justification_is_required() {
        Program soc2 = fixture.program("SoA not for SOC 2", "grc", Framework.SOC2_TYPE2);
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(soc2.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("belongs to ISO/IEC 27001 programs");
        Program p = iso("SoA validation");
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(p.id(), 1, "A.9.1", notApplicable(""))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactly("controlId", "justification"));
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still a draft");
        assertThatThrownBy(() -> as("auditor", Role.AUDITOR, () -> soa.latest(p.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_csv_and_pdf_exports_carry_every_line_and_the_approval() throws Exception {
        Program p = iso("SoA export Ærø");
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(p.id()));
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(p.id(), 1, "A.7.1",
                notApplicable("=HYPERLINK(\"x\") no premises; fully remote")));
        Soa submitted = as("member", Role.COMPLIANCE_MEMBER, () -> soa.submit(p.id(), 1));
        run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(p.id(), 1, new Soa.Decision(true, null)));
        runDueJobs(processOf(submitted));
        Soa approved = as("manager", Role.COMPLIANCE_MANAGER, () -> soa.inForce(p.id())).orElseThrow();

        String csv = new String(SoaExport.csv(approved), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(93);
        CSVRecord a71 = rows.stream().filter(r -> r.get("Annex A control").equals("A.7.1")).findFirst().orElseThrow();
        assertThat(a71.get("Applicable")).isEqualTo("No");
        assertThat(a71.get("Justification")).isEqualTo("'=HYPERLINK(\"x\") no premises; fully remote");
        assertThat(a71.get("Implementation")).isEqualTo("Not applicable");
        assertThat(rows.get(14).get("Annex A control")).isEqualTo("A.5.15");
        assertThat(rows.get(14).get("Controls")).contains("USER_ACCESS_REVIEW");

        // a German reader's download: German headers and words, the same cells otherwise (decision 0152)
        String german = new String(SoaExport.csv(approved, java.util.Locale.GERMAN), StandardCharsets.UTF_8).substring(1);
        assertThat(german).startsWith("Anhang-A-Maßnahme,Thema,Titel,Anwendbar,Begründung,Umsetzung,Kontrollen\r\n");
        CSVRecord a71de = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(german)).getRecords().stream()
                .filter(r -> r.get("Anhang-A-Maßnahme").equals("A.7.1")).findFirst().orElseThrow();
        assertThat(a71de.get("Anwendbar")).isEqualTo("Nein");
        assertThat(a71de.get("Umsetzung")).isEqualTo("Nicht anwendbar");
        assertThat(a71de.get("Begründung")).isEqualTo("'=HYPERLINK(\"x\") no premises; fully remote");

        try (PDDocument pdf = Loader.loadPDF(SoaExport.pdf(approved, clock.getZone()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Statement of Applicability - SoA export Ærø")
                    .contains("version 1 - Approved by manager on 2026-01-05")
                    .contains("92 of 93 controls applicable")
                    .contains("A.5.1").contains("A.8.34").contains("no premises; fully remote")
                    .contains("USER_ACCESS_REVIEW");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
    }
}
