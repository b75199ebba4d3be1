package dev.selfservice.localtenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The local tenant's clock: the system's, plus an offset that tests move forward to see codes, lockouts and
 * passwords expire without waiting.
 */
// typed to itself: the portal's own Clock is another bean, and the two must never be mistaken for each other
@Singleton
@Typed(TenantClock.class)
class TenantClock extends Clock {

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
