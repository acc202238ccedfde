package io.auditflow.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the security tests: no redirects followed, no cookies kept unless asked,
 * so each test sees exactly what the server answers.
 */
final class Http {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser-like visit to the login page: the session cookie and the CSRF token it carries. */
    LoginPage loginPage(String forwardedFor) {
        HttpRequest.Builder get = request("/login");
        if (forwardedFor != null) {
            get.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> page = send(get);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("The login page set no session cookie"));
        Matcher csrf = CSRF_META.matcher(page.body());
        return new LoginPage(cookie, csrf.find() ? csrf.group(1) : null);
    }

    /** Posts the login form as the browser does; includeCsrf=false plays a forged cross-site form. */
    HttpResponse<String> postLogin(LoginPage page, String user, String password, boolean includeCsrf,
                                   String forwardedFor) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        if (includeCsrf && page.csrf() != null) {
            form.put("_csrf", page.csrf());
        }
        HttpRequest.Builder post = request("/login").header("Cookie", page.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (forwardedFor != null) {
            post.header("X-Forwarded-For", forwardedFor);
        }
        return send(post);
    }

    /** The session cookie after a sign-in (the id changes at sign-in), or the old one. */
    static String sessionCookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElse(previous);
    }

    record LoginPage(String cookie, String csrf) {
    }
}
