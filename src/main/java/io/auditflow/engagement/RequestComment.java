package io.auditflow.engagement;

import java.time.Instant;

/** One message in a request's thread; {@code parentId} points at the message it answers. */
public record RequestComment(Long id, Long requestId, Long parentId, String author, boolean fromAuditor, String body,
                             Instant createdAt) {
}
