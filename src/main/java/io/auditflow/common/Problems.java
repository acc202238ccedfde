package io.auditflow.common;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * The one shape of every API error: an RFC 9457 problem ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}) with the extensions {@code fieldErrors} (one
 * entry per bad field, possibly empty), {@code message} (same as detail, kept for older clients)
 * and {@code timestamp}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String path, List<FieldError> errors,
                                   Instant now) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return complete(problem, detail, path, errors, now);
    }

    /** Adds the extensions to a problem Spring made, keeping its status and title. */
    public static ProblemDetail complete(ProblemDetail problem, String detail, String path, List<FieldError> errors,
                                         Instant now) {
        problem.setDetail(detail);
        if (path != null) {
            problem.setInstance(URI.create(encodePath(path)));
        }
        problem.setProperty("message", detail);
        problem.setProperty("fieldErrors", errors == null ? List.of() : errors);
        problem.setProperty("timestamp", now);
        return problem;
    }

    /** The message of every size limit on uploads, the same in the UI, the service and the API. */
    public static String tooLarge(String label, DataSize limit) {
        return label + " is larger than the limit of " + limit.toMegabytes() + " MB";
    }

    /** The same size-limit message as a phrase, so a screen says it in its reader's language (decision 0153). */
    public static Phrase tooLarge(Phrase subject, DataSize limit) {
        return Phrase.of("problem.tooLarge", subject, limit.toMegabytes());
    }

    /** "The file" as the subject of {@link #tooLarge(Phrase, DataSize)}. */
    public static final Phrase THE_FILE = Phrase.of("problem.subject.file");

    /** A named file ("'report.pdf'") as the subject of {@link #tooLarge(Phrase, DataSize)}. */
    public static Phrase named(String fileName) {
        return Phrase.of("problem.subject.named", fileName);
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c > 0x20 && c < 0x7F && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^'
                    && c != '`' && c != '{' && c != '|' && c != '}') {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", (int) c & 0xFF));
            }
        }
        return out.toString();
    }
}
