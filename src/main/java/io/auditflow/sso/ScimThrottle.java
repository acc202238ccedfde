package io.auditflow.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.common.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on {@code /scim/**} (bucket4j), so neither a provider's burst nor a stranger can make
 * the app spend its database on provisioning. The provider's token has one budget,
 * {@code auditflow.sso.scim-requests-per-minute} (default 1,200: Entra ID and Okta send a few per
 * second at most); calls without a valid token have a small budget per address, so a stranger
 * cannot use up the provider's. Over the limit: {@code 429} with {@code Retry-After} and a SCIM error
 * body, which both Entra ID and Okta honour by retrying later.
 */
class ScimThrottle extends OncePerRequestFilter {

    /** Calls without a valid token, per address and minute. */
    static final int ANONYMOUS_PER_MINUTE = 30;
    /** Beyond this many addresses the map starts again rather than growing without end. */
    static final int MAX_ADDRESSES = 10_000;

    private final Bucket provider;
    private final Map<String, Bucket> strangers = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final ObjectMapper json;

    ScimThrottle(int requestsPerMinute, Clock clock, ObjectMapper json) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("auditflow.sso.scim-requests-per-minute must be at least 1, not "
                    + requestsPerMinute);
        }
        this.json = json;
        this.time = new ClockTimeMeter(clock);
        this.provider = perMinute(requestsPerMinute);
    }

    private Bucket perMinute(int n) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated()
                && ScimSecurityConfig.CLIENT_NAME.equals(auth.getName());
        Bucket bucket = signedIn ? provider : stranger(request.getRemoteAddr());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        ScimJson.writeError(response, json, new ScimError(429, null,
                "Too many SCIM requests; try again in " + seconds + " s"));
    }

    private Bucket stranger(String address) {
        if (strangers.size() > MAX_ADDRESSES) {
            strangers.clear();
        }
        return strangers.computeIfAbsent(address == null ? "?" : address, a -> perMinute(ANONYMOUS_PER_MINUTE));
    }
}
