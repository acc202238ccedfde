package io.auditflow.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part of the authorization-code flow, with a real HTTP client: follows each redirect by
 * hand (so a test sees every hop), keeps cookies per host, and fills in the provider's sign-in form.
 */
final class OidcFlow {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String app;

    OidcFlow(int appPort) {
        this.app = "http://127.0.0.1:" + appPort;
    }

    /**
     * Clicks "Sign in with ..." and signs in at the provider as the given user.
     *
     * @return the app's last answer: where it sends the browser after the code came back
     */
    HttpResponse<String> signIn(String user, String password) {
        HttpResponse<String> r = get(app + "/oauth2/authorization/company");
        // To the provider, which wants a sign-in first.
        while (r.statusCode() == 302 && !location(r).endsWith("/login")) {
            r = get(location(r));
        }
        String loginPage = location(r);
        HttpResponse<String> form = get(loginPage);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("The provider's sign-in page has no CSRF token: " + form.body());
        }
        r = send(HttpRequest.newBuilder(URI.create(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))));
        // Back through the provider's authorize endpoint to the app's callback, which answers last.
        while (r.statusCode() == 302 && !location(r).startsWith(app + "/login/oauth2/code/")) {
            r = get(location(r));
        }
        if (r.statusCode() != 302) {
            throw new AssertionError("The provider did not send the browser back: " + r.statusCode() + " " + r.body());
        }
        return get(location(r));
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? app + url : url)).header("Accept", "text/html"));
    }

    static String location(HttpResponse<?> r) {
        String location = r.headers().firstValue("Location").orElse("");
        return location.startsWith("/") ? r.uri().resolve(location).toString() : location;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
