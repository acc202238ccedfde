package io.auditflow.lifecycle.ui;

import com.vaadin.flow.component.Component;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.program.Program;

/**
 * An action another feature adds to a milestone's row on the program page (the engagement of an
 * audit, for one), as a Spring bean; the lifecycle does not need to know that feature, so it can
 * depend on the lifecycle without a cycle.
 */
public interface MilestoneAction {

    /** The action for this milestone, or null when there is none (for this caller). */
    Component create(Program program, Milestone milestone);
}
