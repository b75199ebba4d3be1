package dev.selfservice.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The portal's clock in tests: the system's plus an offset that a test moves forward to see proofs, pending steps and
 * windows expire without waiting. It replaces the portal's default clock bean; tests put it back with {@link #reset}.
 */
@Singleton
@Typed({ Clock.class, PortalTestClock.class })
public class PortalTestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
