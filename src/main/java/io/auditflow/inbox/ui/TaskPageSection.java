package io.auditflow.inbox.ui;

import com.vaadin.flow.component.Component;
import io.auditflow.inbox.TaskDetails;

/**
 * A part another feature adds to the task page (evidence, for one), as a Spring bean; the inbox
 * does not need to know those features, so they can depend on the inbox without a cycle.
 */
public interface TaskPageSection {

    /** Sections are shown in this order, after the task's own form. */
    default int order() {
        return 100;
    }

    Component create(TaskDetails details);
}
