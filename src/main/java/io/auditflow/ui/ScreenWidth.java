package io.auditflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.function.IntConsumer;

/**
 * Tells a view the browser window's width now and whenever it changes, so a grid can show fewer
 * columns on a phone instead of scrolling sideways.
 */
public final class ScreenWidth {

    /** Below this many CSS pixels a screen counts as a phone. */
    public static final int NARROW = 700;

    private ScreenWidth() {
    }

    public static void follow(Component view, IntConsumer apply) {
        Registration[] resize = new Registration[1];
        view.addAttachListener(e -> {
            e.getUI().getPage().retrieveExtendedClientDetails(d -> apply.accept(d.getWindowInnerWidth()));
            resize[0] = e.getUI().getPage().addBrowserWindowResizeListener(r -> apply.accept(r.getWidth()));
        });
        view.addDetachListener(e -> {
            if (resize[0] != null) {
                resize[0].remove();
            }
        });
    }
}
