package io.auditflow.security;

import io.auditflow.common.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address (bucket4j token buckets, one token per
 * failure, refilled evenly over the window) and says when further attempts must wait. Successful
 * sign-ins cost nothing. See docs/decisions/0051.
 */
@Component
public class SignInThrottle {

    /** Beyond this many tracked keys the oldest state is dropped rather than letting memory grow. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final SecurityProperties.Throttle settings;
    private final TimeMeter time;

    SignInThrottle(SecurityProperties properties, Clock clock) {
        this.settings = properties.throttle();
        this.time = new ClockTimeMeter(clock);
    }

    /** How long the caller must wait before another attempt for this account from this address, if at all. */
    public Optional<Duration> waitBeforeAttempt(String username, String address) {
        long nanos = Math.max(waitNanos(accountKey(username), settings.accountFailures()),
                waitNanos(addressKey(address), settings.addressFailures()));
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    public void recordFailure(String username, String address) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
        if (username != null) {
            bucket(accountKey(username), settings.accountFailures()).tryConsume(1);
        }
        bucket(addressKey(address), settings.addressFailures()).tryConsume(1);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        String name = event.getAuthentication() instanceof ApiTokenAuthentication ? null
                : event.getAuthentication().getName();
        recordFailure(name, address);
    }

    /** Forgets every count; for tests that share one application. */
    void reset() {
        buckets.clear();
    }

    private long waitNanos(String key, int capacity) {
        if (key == null) {
            return 0;
        }
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, settings.window()).build())
                .withCustomTimePrecision(time)
                .build());
    }

    private static String accountKey(String username) {
        return username == null || username.isBlank() ? null : "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
