package io.auditflow.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size limit of every request body sent to {@code /api/} that is not a file upload (JSON, CSV):
 * a body declared larger than {@code auditflow.api.max-body-size} is refused with 413 before anything
 * reads it, and a body sent without a length (chunked) is cut off at the limit with the same answer.
 * Runs before the security filters, so nobody can make the server buffer a large body, signed in or
 * not. File uploads (multipart) keep their own limit ({@code spring.servlet.multipart}).
 */
@Component
@Order(-200)
class ApiBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final DataSize size;
    private final ObjectMapper json;
    private final Clock clock;

    ApiBodyLimitFilter(@Value("${auditflow.api.max-body-size:2MB}") DataSize size, ObjectMapper json, Clock clock) {
        this.size = size;
        this.limit = size.toBytes();
        this.json = json;
        this.clock = clock;
    }

    /** The words of this refusal, in the API's body and in the log. */
    String message() {
        return Problems.tooLarge("The request body", size);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return !path.startsWith("/api/") || (type != null && type.toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared >= 0) {
            // the container delivers no more than the declared length: nothing to count
            chain.doFilter(request, response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit, message());
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!limited.exceeded || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, message(),
                request.getRequestURI(), List.of(), clock.instant()));
    }

    /**
     * The reader of a body cut off at the limit gets this; {@link ApiExceptionHandler} answers 413 with
     * its message (a reader that turns it into another error still ends in this filter's 413).
     */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** Counts what is read and stops at the limit with {@link BodyTooLargeException}. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final String message;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, String message) {
            super(request);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLargeException(message);
            }
        }
    }
}
