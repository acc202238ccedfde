package io.auditflow.evidence;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.ValidationException;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class EvidenceServiceTest {

    @Autowired EvidenceService evidence;
    @Autowired EvidenceProperties properties;
    @Autowired InboxFixture fixture;
    @Autowired MilestoneService milestones;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private Task task(String name) {
        Program program = fixture.program(name, "grc");
        return fixture.start(program, clock.today().plusDays(10));
    }

    private List<Evidence> upload(Task task, String fileName, byte[] bytes) {
        return as("member", Role.COMPLIANCE_MEMBER,
                () -> evidence.upload(task.getId(), List.of(new EvidenceUpload(fileName, bytes)), null));
    }

    private long storedFiles() throws IOException {
        if (!Files.isDirectory(properties.directory())) {
            return 0;
        }
        try (Stream<java.nio.file.Path> files = Files.list(properties.directory())) {
            return files.count();
        }
    }

    private long rows(Task task) {
        return jdbc.queryForObject("select count(*) from evidence where task_id = ?", Long.class, task.getId());
    }

    @Test
    void an_uploaded_file_is_kept_with_its_hash_uploader_and_date_and_downloads_byte_for_byte() throws Exception {
        Task task = task("Evidence upload");
        byte[] pdf = EvidenceSamples.pdf();

        Evidence stored = upload(task, "access-review.pdf", pdf).get(0);

        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(stored.uploadedBy()).isEqualTo("member");
        assertThat(stored.evidenceDate()).isEqualTo(clock.today());
        assertThat(stored.uploadedAt()).isEqualTo(clock.instant());
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        EvidenceFile file = as("member", Role.COMPLIANCE_MEMBER, () -> evidence.download(stored.id()));
        try (var in = file.open()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(file.path().getFileName().toString()).doesNotContain("access-review");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> evidence.ofTask(task.getId())))
                .extracting(Evidence::fileName).containsExactly("access-review.pdf");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> evidence.ofProgram(stored.programId())))
                .extracting(Evidence::id).containsExactly(stored.id());
    }

    @Test
    void each_allowed_kind_passes_its_content_check() {
        Task task = task("Evidence kinds");
        assertThat(upload(task, "a.png", EvidenceSamples.png())).hasSize(1);
        assertThat(upload(task, "b.docx", EvidenceSamples.office("word/"))).hasSize(1);
        assertThat(upload(task, "c.xlsx", EvidenceSamples.office("xl/"))).hasSize(1);
        assertThat(upload(task, "d.CSV", EvidenceSamples.csv())).hasSize(1);
        assertThat(upload(task, "e.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16})).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.pdf", "a/b.pdf", "C:\\x.pdf", "..", "evil\u0000.pdf"})
    void file_names_with_path_parts_are_refused_and_nothing_is_stored(String name) throws IOException {
        Task task = task("Evidence path");
        long before = storedFiles();
        assertThatThrownBy(() -> upload(task, name, EvidenceSamples.pdf()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("file")).contains("plain file name"));
        assertThat(rows(task)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void a_disallowed_type_a_mismatched_content_an_empty_and_an_oversized_file_are_refused() throws IOException {
        Task task = task("Evidence bad files");
        long before = storedFiles();
        assertThatThrownBy(() -> upload(task, "tool.exe", new byte[] {'M', 'Z', 0, 0}))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("file")).contains("not allowed"));
        assertThatThrownBy(() -> upload(task, "report.pdf", EvidenceSamples.png()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("file")).contains("not a PDF"));
        assertThatThrownBy(() -> upload(task, "notes.docx", EvidenceSamples.office("xl/")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> upload(task, "users.csv", new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> upload(task, "empty.pdf", new byte[0]))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("file")).contains("empty"));
        byte[] big = new byte[(int) properties.maxSize().toBytes() + 1];
        System.arraycopy(EvidenceSamples.pdf(), 0, big, 0, EvidenceSamples.pdf().length);
        assertThatThrownBy(() -> upload(task, "big.pdf", big))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("file")).contains("larger than"));
        assertThat(rows(task)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void one_bad_file_in_a_batch_stores_none_of_them() throws IOException {
        Task task = task("Evidence batch");
        long before = storedFiles();
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> evidence.upload(task.getId(), List.of(
                new EvidenceUpload("good.pdf", EvidenceSamples.pdf()), new EvidenceUpload("a/bad.pdf", EvidenceSamples.pdf())), null)))
                .isInstanceOf(ValidationException.class);
        assertThat(rows(task)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void evidence_dated_outside_the_observation_window_is_flagged() {
        Program program = fixture.program("Evidence window", "grc");
        SystemAuthentication.run(() -> {
            milestones.plan(program.id(), MilestoneType.OBSERVATION_START, 1, clock.today().minusDays(60));
            milestones.plan(program.id(), MilestoneType.OBSERVATION_END, 1, clock.today().plusDays(300));
        });
        Task task = fixture.start(program, clock.today().plusDays(10));

        Evidence inside = as("member", Role.COMPLIANCE_MEMBER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("in.pdf", EvidenceSamples.pdf())), clock.today().minusDays(30))).get(0);
        Evidence outside = as("member", Role.COMPLIANCE_MEMBER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("out.pdf", EvidenceSamples.pdf())), clock.today().minusDays(61))).get(0);

        assertThat(inside.outsideWindow()).isFalse();
        assertThat(outside.outsideWindow()).isTrue();
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> evidence.ofTask(task.getId())))
                .extracting(Evidence::fileName, Evidence::outsideWindow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("in.pdf", false), org.assertj.core.groups.Tuple.tuple("out.pdf", true));
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("future.pdf", EvidenceSamples.pdf())), clock.today().plusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("evidenceDate")).contains("future"));
    }

    @Test
    void another_teams_task_and_its_evidence_are_not_found_for_a_member() {
        Program program = fixture.program("Evidence secret", fixture.team("vault"));
        Task task = fixture.start(program, clock.today().plusDays(10));
        Evidence stored = as("manager", Role.COMPLIANCE_MANAGER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("secret.pdf", EvidenceSamples.pdf())), null)).get(0);

        assertThatThrownBy(() -> upload(task, "x.pdf", EvidenceSamples.pdf())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> evidence.download(stored.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> evidence.ofProgram(program.id())))
                .isInstanceOf(NotFoundException.class);
    }
}
