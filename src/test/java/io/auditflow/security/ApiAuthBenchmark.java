package io.auditflow.security;

import io.auditflow.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What authentication costs per API call (issue 10): sequential calls, over real HTTP, to
 * {@code /actuator/health} without credentials, to {@code GET /api/me/tokens} with a personal API
 * token, and the same with HTTP Basic. Target: a token call at most 2x an unauthenticated one.
 * Run with {@code ./mvnw -o -q test -Dtest=ApiAuthBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints its figures; asserts nothing about time.
 */
@IntegrationTest
class ApiAuthBenchmark {

    static final int WARM_UP = 50;
    static final int CALLS = 200;

    @LocalServerPort
    int port;
    @Autowired
    SignInThrottle throttle;

    @Test
    void authenticated_calls_with_a_token_against_unauthenticated_ones() throws Exception {
        throttle.reset();
        Http http = new Http(port);
        String created = http.send(http.request("/api/me/tokens").header("Authorization", Http.basic("member", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))).body();
        String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpRequest.Builder health = http.request("/actuator/health");
        HttpRequest.Builder withToken = http.request("/api/me/tokens").header("Authorization", "Bearer " + token);
        HttpRequest.Builder withBasic = http.request("/api/me/tokens").header("Authorization", Http.basic("member", "demo"));

        long[] h = time(http, health, CALLS);
        long[] t = time(http, withToken, CALLS);
        long[] b = time(http, withBasic, CALLS / 4);
        System.out.printf("ApiAuthBenchmark: %d sequential calls each after %d warm-up calls%n", CALLS, WARM_UP);
        print("unauthenticated /actuator/health", h);
        print("personal API token GET /api/me/tokens", t);
        print("HTTP Basic GET /api/me/tokens (" + CALLS / 4 + " calls)", b);
        System.out.printf("token / unauthenticated (median): %.2fx; basic / unauthenticated: %.1fx%n",
                median(t) / (double) median(h), median(b) / (double) median(h));
        // ops (issue 15): -Pbench fails when the target is missed (docs/performance.md)
        org.assertj.core.api.Assertions.assertThat(median(t) / (double) median(h))
                .as("token call vs unauthenticated call (median), target <= 2x").isLessThanOrEqualTo(2.0);
    }

    private static long[] time(Http http, HttpRequest.Builder request, int calls) {
        for (int i = 0; i < WARM_UP; i++) {
            check(http.send(request));
        }
        long[] times = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            check(http.send(request));
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("Expected 200, got " + response.statusCode() + ": " + response.body());
        }
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void print(String label, long[] sorted) {
        System.out.printf("%-45s median %6.2f ms, p95 %6.2f ms%n", label, median(sorted) / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6);
    }
}
