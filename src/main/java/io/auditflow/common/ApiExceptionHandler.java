package io.auditflow.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure that reaches Spring MVC into an RFC 9457 problem ({@link Problems}); never a
 * stack trace. Global (not limited to our controllers) so that what Spring raises before a
 * controller runs (415, 406, 405, 413 from the multipart parser) gets the same JSON body. The
 * content type is set explicitly so that {@code Accept: application/xml} still gets JSON.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Clock clock;
    private final ObjectProvider<MultipartConfigElement> multipart;

    ApiExceptionHandler(Clock clock, ObjectProvider<MultipartConfigElement> multipart) {
        this.clock = clock;
        this.multipart = multipart;
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Object> validation(ValidationException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Some fields are not valid: " + e.getMessage(), request, e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), request, List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), request, List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "Your role may not do this", request, List.of());
    }

    /** A multipart body that cannot be parsed (bad boundary, bad characters in a part header). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        return answer(HttpStatus.BAD_REQUEST, "The upload could not be read: send multipart/form-data with plain"
                + " file names", request, List.of(new FieldError("file", "The upload could not be read")));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        log.warn("Bad request on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(HttpStatus.BAD_REQUEST, "The request holds a value that cannot be used here", request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed",
                request, List.of());
    }

    // ---- what Spring MVC raises itself -------------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, "Some fields are not valid", servlet(request), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        HttpServletRequest r = servlet(request);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiBodyLimitFilter.BodyTooLargeException tooLarge) {
                return answer(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), r, List.of());
            }
        }
        if (e.getCause() instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            String message = "'" + invalid.getValue() + "' is not a valid value";
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                message += "; use one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            return answer(HttpStatus.BAD_REQUEST, field + ": " + message, r, List.of(new FieldError(field, message)));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return answer(HttpStatus.BAD_REQUEST, field + ": value has the wrong form", r,
                    List.of(new FieldError(field, "value has the wrong form")));
        }
        return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", r, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "value" : e.getPropertyName();
        String message = "'" + e.getValue() + "' is not a valid value";
        return answer(HttpStatus.BAD_REQUEST, name + ": " + message, servlet(request),
                List.of(new FieldError(name, message)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return answer(HttpStatus.NOT_FOUND, "There is nothing at this address", servlet(request), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String supported = e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                + (e.getContentType() == null ? "(none)" : "'" + e.getContentType() + "'")
                + " is not accepted here; send " + supported, servlet(request), List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "This address answers with application/json only; accept it",
                servlet(request), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        String allowed = e.getSupportedHttpMethods() == null ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        return answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here"
                + (allowed.isEmpty() ? "" : "; use " + allowed), servlet(request), List.of(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return tooLarge(e, servlet(request));
    }

    /** Every other exception Spring MVC knows: keep its status and title, add our extensions. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        return answer(status, detail, servlet(request), List.of(), headers);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        MultipartConfigElement config = multipart.getIfAvailable();
        boolean wholeRequest = isRequestLimit(e);
        String message;
        if (config == null) {
            message = "The upload is larger than the limit";
        } else if (wholeRequest) {
            message = Problems.tooLarge("The upload (all files together)", DataSize.ofBytes(config.getMaxRequestSize()));
        } else {
            message = Problems.tooLarge("The file", DataSize.ofBytes(config.getMaxFileSize()));
        }
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, message, request, List.of(new FieldError("file", message)));
    }

    /** Tomcat names the request-wide limit SizeLimitExceeded and the per-file one FileSizeLimitExceeded. */
    private static boolean isRequestLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("FileSizeLimitExceededException")) {
                return false;
            }
            if (name.equals("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private ResponseEntity<Object> answer(HttpStatusCode status, String message, HttpServletRequest request,
                                          List<FieldError> errors) {
        return answer(status, message, request, errors, HttpHeaders.EMPTY);
    }

    private ResponseEntity<Object> answer(HttpStatusCode status, String message, HttpServletRequest request,
                                          List<FieldError> errors, HttpHeaders headers) {
        ProblemDetail problem = Problems.of(status, message, request == null ? null : request.getRequestURI(), errors,
                clock.instant());
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(problem);
    }
}
