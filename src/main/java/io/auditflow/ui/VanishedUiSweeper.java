package io.auditflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Frees the screens of browsers that vanished without unloading the page (decision 0146). Vaadin
 * closes a UI that missed its heartbeats only while handling a later request of the same session, and
 * a vanished browser sends none, so its UIs stayed in memory until the 30-minute session timeout.
 * Once per heartbeat interval this closes and removes, in every session of this node, the UIs that
 * Vaadin itself no longer counts as active ({@link VaadinService#isUIActive}: about three missed
 * heartbeats). The session and its sign-in stay until their own timeout.
 */
@Component
class VanishedUiSweeper implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(VanishedUiSweeper.class);

    // weak: a session that ended without its destroy event (e.g. a test's mock session) is not kept alive here
    private final Set<VaadinSession> sessions = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vanished-ui-sweeper");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(e -> sessions.add(e.getSession()));
        service.addSessionDestroyListener(e -> sessions.remove(e.getSession()));
        if (started.compareAndSet(false, true)) {
            int interval = Math.max(1, service.getDeploymentConfiguration().getHeartbeatInterval());
            timer.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.SECONDS);
        }
    }

    /** Closes and removes the inactive UIs of every open session; returns how many were removed. */
    int sweep() {
        int removed = 0;
        for (VaadinSession session : snapshot()) {
            try {
                removed += removeInactive(session);
            } catch (RuntimeException e) {
                // an invalidated session cannot be locked any more: it is gone anyway
                sessions.remove(session);
                log.debug("Skipped a session that ended meanwhile", e);
            }
        }
        return removed;
    }

    private int removeInactive(VaadinSession session) {
        VaadinService service = session.getService();
        Lock lock = session.getLockInstance();
        if (lock == null || !lock.tryLock()) {
            return 0; // busy: a request is running, and Vaadin cleans the session up at its end
        }
        List<UI> gone = new ArrayList<>();
        try {
            session.accessSynchronously(() -> collectInactive(service, session, gone));
        } finally {
            lock.unlock();
        }
        return gone.size();
    }

    private void collectInactive(VaadinService service, VaadinSession session, List<UI> gone) {
        if (session.getState() != VaadinSessionState.OPEN) {
            sessions.remove(session);
            return;
        }
        for (UI ui : List.copyOf(session.getUIs())) {
            if (!service.isUIActive(ui)) {
                // the same two steps as Vaadin's own clean-up at the end of a request of the session
                ui.accessSynchronously(() -> {
                    ui.close();
                    session.removeUI(ui);
                });
                gone.add(ui);
            }
        }
    }

    /** The UIs kept in this node's memory, for tests and benchmarks. */
    int openUis() {
        int[] count = {0};
        for (VaadinSession session : snapshot()) {
            try {
                session.accessSynchronously(() -> count[0] += session.getState() == VaadinSessionState.OPEN
                        ? session.getUIs().size() : 0);
            } catch (RuntimeException e) {
                sessions.remove(session);
            }
        }
        return count[0];
    }

    private List<VaadinSession> snapshot() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
