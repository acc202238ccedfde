package io.auditflow.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A clock that tests move; every move also moves Camunda's clock, so timers, due dates and the
 * app's own dates agree. Multi-year cycles run in seconds.
 */
public class TestClock extends Clock {

    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

    private volatile Instant now;
    private final ZoneId zone;

    public TestClock(Instant start, ZoneId zone) {
        this.zone = zone;
        set(start);
    }

    public TestClock() {
        this(DEFAULT_START, ZoneOffset.UTC);
    }

    public final synchronized void set(Instant instant) {
        this.now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void setDate(LocalDate date) {
        set(date.atTime(9, 0).atZone(zone).toInstant());
    }

    public synchronized void advance(Duration duration) {
        set(now.plus(duration));
    }

    public void advanceDays(long days) {
        advance(Duration.ofDays(days));
    }

    public void reset() {
        set(DEFAULT_START);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
