package io.auditflow.inbox;

import java.util.List;

/** One page of an inbox list and the size of the whole list. */
public record TaskPage(List<InboxTask> items, long total, int page, int size) {
}
