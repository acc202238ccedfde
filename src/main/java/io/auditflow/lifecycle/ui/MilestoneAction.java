package io.auditflow.lifecycle.ui;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.program.Program;

/**
 * An action another feature adds to a milestone's row on the program page (the engagement of an
 * audit, for one), as a Spring bean; the lifecycle does not need to know that feature, so it can
 * depend on the lifecycle without a cycle. The action is a link described as data and drawn by
 * the grid's template in the browser, not a component per row (decision 0165: memory per screen).
 */
public interface MilestoneAction {

    /** The link for this milestone, or null when there is none (for this caller). */
    Link link(Program program, Milestone milestone);

    /**
     * A link in the row: {@code <a id href class title>text</a>}; {@code href} relative to the app
     * (the router follows it), {@code title} shown on hover (the full text when {@code text} is shortened).
     */
    record Link(String id, String href, String text, String title, String className) {
    }
}
