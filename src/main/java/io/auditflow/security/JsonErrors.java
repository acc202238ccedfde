package io.auditflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** JSON error bodies written by filters, before any controller (and its exception handler) runs. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** The message is one of ours, never user input, so it needs no escaping beyond quotes. */
    static void write(HttpServletResponse res, int status, String error, String message) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + message.replace("\"", "'") + "\",\"fieldErrors\":[]}");
    }
}
