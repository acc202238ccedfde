package io.auditflow.common;

import java.time.Instant;
import java.util.List;

/** The JSON body of every API error: a plain message and, for bad input, one entry per field. */
public record ApiError(Instant timestamp, int status, String error, String message, String path,
                       List<FieldError> fieldErrors) {
}
