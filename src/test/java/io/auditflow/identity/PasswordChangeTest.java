package io.auditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.security.Role;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** Self-service password change and long passwords (issue 10, finding 6). */
@IntegrationTest
class PasswordChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder encoder;

    private int status(String user, String password, String method, String path, String body) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).build();
        return client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? "" : body)
                .exchange((req, res) -> res.getStatusCode().value());
    }

    @Test
    void a_user_changes_the_password_with_the_current_one_and_the_old_one_stops_working() {
        SystemAuthentication.run(() -> users.createUser(new UserForm("pat-change", "Pat Change", "", "first-secret-123",
                Set.of(Role.AUDITOR), Set.of())));
        assertThat(status("pat-change", "first-secret-123", "POST", "/api/me/password",
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"second-secret-456\"}")).isEqualTo(400);
        assertThat(status("pat-change", "first-secret-123", "POST", "/api/me/password",
                "{\"currentPassword\":\"first-secret-123\",\"newPassword\":\"password\"}")).isEqualTo(400);

        assertThat(status("pat-change", "first-secret-123", "POST", "/api/me/password",
                "{\"currentPassword\":\"first-secret-123\",\"newPassword\":\"second-secret-456\"}")).isEqualTo(204);

        assertThat(status("pat-change", "first-secret-123", "GET", "/api/programs", null)).isEqualTo(401);
        assertThat(status("pat-change", "second-secret-456", "GET", "/api/programs", null)).isEqualTo(200);
    }

    @Test
    void every_character_of_an_80_character_password_counts() {
        String eighty = "a-long-passphrase-".repeat(4) + "12345678";
        assertThat(eighty).hasSize(80);
        SystemAuthentication.run(() -> users.createUser(new UserForm("long-lena", "Lena Long", "", eighty,
                Set.of(Role.AUDITOR), Set.of())));
        assertThat(status("long-lena", eighty, "GET", "/api/programs", null)).isEqualTo(200);
        // Plain BCrypt ignores everything after byte 72, so this one would have signed in too.
        String sameFirst72 = eighty.substring(0, 72) + "XXXXXXXX";
        assertThat(status("long-lena", sameFirst72, "GET", "/api/programs", null)).isEqualTo(401);
    }

    @Test
    void hashes_made_before_the_pre_hash_still_match() {
        String legacy = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("demo");
        assertThat(encoder.matches("demo", legacy)).isTrue();
        assertThat(encoder.encode("demo")).startsWith("{bcrypt-sha256}");
    }

    @Test
    void an_admin_cannot_give_a_new_user_a_common_password() {
        assertThat(status("admin", "demo", "GET", "/api/programs", null)).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemAuthentication.run(() -> users.createUser(
                        new UserForm("weak-walt", "Walt Weak", "", "password", Set.of(Role.AUDITOR), Set.of()))))
                .isInstanceOf(io.auditflow.common.ValidationException.class);
    }
}
