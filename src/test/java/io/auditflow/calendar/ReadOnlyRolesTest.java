package io.auditflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Executives and auditors read; the server refuses every change they try through the API. */
@IntegrationTest
class ReadOnlyRolesTest {

    @Autowired
    TestRestTemplate rest;

    @ParameterizedTest
    @ValueSource(strings = {"executive", "auditor"})
    void read_only_roles_cannot_create_or_change_programs(String user) {
        TestRestTemplate as = rest.withBasicAuth(user, "demo");
        assertThat(as.getForEntity("/api/programs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"name\":\"Sneaky " + user + "\",\"framework\":\"ISO27001\",\"owner\":\"manager\",\"team\":\"grc\"}";
        assertThat(as.exchange("/api/programs", HttpMethod.POST, new HttpEntity<>(body, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as.exchange("/api/programs/1", HttpMethod.PUT, new HttpEntity<>(body, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as.exchange("/api/programs/1/archive", HttpMethod.POST, new HttpEntity<>("", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
