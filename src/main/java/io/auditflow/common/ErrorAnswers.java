package io.auditflow.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors that never reach a controller: the servlet container's error dispatch (a filter said
 * 401/403, a parser gave up) and requests the security firewall rejects (a {@code ;} or a NUL in
 * the path). The API gets an RFC 9457 problem ({@link Problems}), a browser the app's own plain
 * page (never Spring's Whitelabel page, never a stack trace).
 */
@Controller
class ErrorAnswers implements ErrorController, RequestRejectedHandler {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "The request could not be read",
            401, "Sign in first",
            403, "Your role may not open this",
            404, "There is nothing at this address",
            405, "This method is not allowed here",
            413, "The upload is larger than the limit",
            415, "This Content-Type is not accepted here",
            429, "Too many requests; wait a moment and try again");

    private final Clock clock;
    private final ObjectMapper json;

    ErrorAnswers(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<?> error(HttpServletRequest request) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (wantsHtml(request, path)) {
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page(status));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, path));
    }

    /** The firewall refused the request (e.g. {@code ;}, {@code //} or a NUL byte in the path): 400, not 500. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        if (wantsHtml(request, request.getRequestURI())) {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getWriter().write(page(400));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "The address holds characters that are not"
                    + " allowed (such as ';', '//', '\\\\' or control characters)", null, List.of(), clock.instant());
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    private ProblemDetail problem(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        return Problems.of(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, message(status), path,
                List.of(), clock.instant());
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return 404; // /error asked for directly: there is nothing to show
        }
        return code instanceof Integer i && i >= 400 && i < 600 ? i : 500;
    }

    private static String message(int status) {
        return MESSAGES.getOrDefault(status, status >= 500 ? "Something went wrong on our side; nothing was changed"
                : "The request could not be served");
    }

    /** API addresses always get JSON; elsewhere a browser (Accept: text/html) gets a page. */
    private static boolean wantsHtml(HttpServletRequest request, String path) {
        if (path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest"))) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static String page(int status) {
        String title = status == 404 || status == 403 ? "This page is not here" : message(status);
        String text = status == 403
                ? "Your role may not open this page. Ask an administrator if you need it."
                : status == 404 ? "The address may be mistyped, or the page was moved." : message(status) + ".";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Auditflow: " + HtmlUtils.htmlEscape(title) + "</title></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;"
                + "color:#1a2433\"><h1 style=\"font-size:1.5rem\">" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p>" + HtmlUtils.htmlEscape(text) + " (" + status + ")</p>"
                + "<p><a href=\"/\">Back to Auditflow</a></p></body></html>";
    }
}
