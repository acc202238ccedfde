package io.auditflow.timeline.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.auditflow.identity.UserLanguage;
import io.auditflow.timeline.DashboardService;
import io.auditflow.timeline.TimelineQuery;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Starts computing the dashboard's figures when the page that opens {@code /dashboard} is requested, while
 * Vaadin's bundle loads, instead of in the first round trip after it (decision 0174; the timeline's drawing
 * does the same in the browser, decision 0159). The answer waits here, per HTTP session, until the view's
 * first round trip takes it; it is taken once, only for the unfiltered page in the language it was made for,
 * and dropped after {@link #MAX_AGE_NANOS}, so no session keeps it (decision 0156).
 */
@Component
class DashboardPrefetch implements VaadinServiceInitListener {

    /** A prefetched answer older than this is not used (the view computes a fresh one). */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** At most this many answers wait at once; beyond it the page is computed in its round trip as before. */
    static final int MAX_WAITING = 64;

    record Waiting(Locale locale, long createdNanos, CompletableFuture<DashboardService.Page> page) {
    }

    private final DashboardService dashboards;
    private final UserLanguage languages;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Two threads: the machine's cores; a third request waits in the queue rather than competing with them. */
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-prefetch");
        t.setDaemon(true);
        return t;
    });

    DashboardPrefetch(DashboardService dashboards, UserLanguage languages) {
        this.dashboards = dashboards;
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            HttpSession session = request instanceof com.vaadin.flow.server.VaadinServletRequest servlet
                    ? servlet.getHttpServletRequest().getSession(false) : null;
            if (session != null) {
                PagePrefetch.reader(request, "/dashboard", languages).ifPresent(locale -> start(session.getId(), locale));
            }
        });
    }

    /** Starts computing the unfiltered page for the signed-in user of this thread, in {@code locale}. */
    void start(String sessionId, Locale locale) {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() == null) {
            return;
        }
        prune();
        if (waiting.size() >= MAX_WAITING) {
            return;
        }
        SecurityContext copy = SecurityContextHolder.createEmptyContext();
        copy.setAuthentication(context.getAuthentication());
        offer(sessionId, new Waiting(locale, System.nanoTime(), CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(copy);
            try {
                return dashboards.page(TimelineQuery.all(), locale);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, workers)));
    }

    /** Keeps an answer (being computed) for the session's first round trip; a newer one replaces it. */
    void offer(String sessionId, Waiting answer) {
        waiting.put(sessionId, answer);
    }

    /**
     * The answer started for this session, if it is for {@code locale} and young enough; waits for it when it
     * is still being computed. Taken once: a second call finds nothing.
     */
    Optional<DashboardService.Page> take(String sessionId, Locale locale) {
        Waiting w = sessionId == null ? null : waiting.remove(sessionId);
        if (w == null || !w.locale().equals(locale) || System.nanoTime() - w.createdNanos() > MAX_AGE_NANOS) {
            return Optional.empty();
        }
        try {
            return Optional.of(w.page().get(MAX_AGE_NANOS, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty(); // the view computes its own and reports any error in its round trip
        }
    }

    int waiting() {
        return waiting.size();
    }

    private void prune() {
        long now = System.nanoTime();
        waiting.values().removeIf(w -> now - w.createdNanos() > MAX_AGE_NANOS);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
