package io.auditflow.timeline.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Framework and owner filters shared by the timeline and the dashboard. */
class ProgramFilter extends HorizontalLayout {

    final MultiSelectComboBox<Framework> frameworks = new MultiSelectComboBox<>(io.auditflow.ui.Format.text("timeline.filter.framework"));
    final ComboBox<String> owner = new ComboBox<>(io.auditflow.ui.Format.text("timeline.filter.owner"));
    private final Map<String, String> ownerNames = new TreeMap<>();

    ProgramFilter(List<Program> programs, Runnable onChange) {
        addClassName("program-filter");
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        frameworks.setItems(Framework.values());
        frameworks.setItemLabelGenerator(io.auditflow.ui.Format::label);
        frameworks.setPlaceholder(io.auditflow.ui.Format.text("timeline.filter.allFrameworks"));
        frameworks.setWidth("22em");
        frameworks.setId("framework-filter");
        programs.stream().filter(p -> p.owner() != null)
                .forEach(p -> ownerNames.put(p.owner(), p.ownerName() == null ? p.owner() : p.ownerName()));
        owner.setItems(ownerNames.keySet().stream().sorted(Comparator.comparing(ownerNames::get)).toList());
        owner.setItemLabelGenerator(u -> ownerNames.getOrDefault(u, u));
        owner.setPlaceholder(io.auditflow.ui.Format.text("timeline.filter.allOwners"));
        owner.setClearButtonVisible(true);
        // wide enough for "Alle Verantwortlichen" (German) on a phone as well
        owner.setWidth("16em");
        owner.setId("owner-filter");
        frameworks.addValueChangeListener(e -> onChange.run());
        owner.addValueChangeListener(e -> onChange.run());
        add(frameworks, owner);
    }

    Set<Framework> selectedFrameworks() {
        return frameworks.getValue().isEmpty() ? EnumSet.noneOf(Framework.class) : EnumSet.copyOf(frameworks.getValue());
    }

    String selectedOwner() {
        return owner.getValue();
    }
}
