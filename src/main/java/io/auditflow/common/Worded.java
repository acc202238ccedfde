package io.auditflow.common;

import java.util.Locale;

/**
 * A phrase argument that is stored data worded at display (decision 0168): a task name, a control's
 * name. The feature that owns the words implements it; {@link Messages#word} asks it for the reader's
 * words, and English gives the stored text, so a phrase's English stays what the service kept.
 */
@FunctionalInterface
public interface Worded {

    String in(Locale locale);
}
