package io.auditflow.common;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/**
 * bucket4j's time read from the injected {@link Clock}, so every rate limit (sign-in throttle, SCIM)
 * moves with the test clock like everything else in Auditflow.
 */
public final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    public ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
