package dev.selfservice.portal.notice;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.state.StateUnavailable;
import dev.selfservice.portal.web.CurrentRequest;
import dev.selfservice.portal.web.RequestIds;
import io.quarkus.mailer.Mail;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tells the security mailbox ({@code SECURITY_MAILBOX}) of an attack while it happens: one message per
 * {@link SecurityEvent} kind per period on all replicas together (a claim in the state store), never one per attempt.
 * Every event is counted in the period; the message carries the request id, the counts at that moment, what was done,
 * and never a secret or a full contact (callers pass masked contacts and counts only).
 */
@ApplicationScoped
public class SecurityNotices {

    private static final Logger LOG = Logger.getLogger(SecurityNotices.class);

    @ConfigMapping(prefix = "portal.security")
    public interface Settings {
        /** {@code SECURITY_MAILBOX}: where attacks are reported; none, none are. */
        Optional<String> mailbox();

        /** {@code SECURITY_NOTICE_PERIOD}: at most one message per kind in this long. */
        @WithDefault("1H")
        Duration noticePeriod();
    }

    /** The most events of one kind counted in a period. */
    private static final int COUNTED_AT_MOST = 10_000;

    private final Settings settings;
    private final StateStore store;
    private final NoticeMailer mailer;
    private final Clock clock;
    private final dev.selfservice.portal.PortalConfig.Notices notices;
    private final AtomicInteger inFlight = new AtomicInteger();

    SecurityNotices(Settings settings, StateStore store, NoticeMailer mailer, Clock clock,
            dev.selfservice.portal.PortalConfig config) {
        this.settings = settings;
        this.store = store;
        this.mailer = mailer;
        this.clock = clock;
        this.notices = config.notices();
    }

    /**
     * Reports one event of the kind; {@code facts} says what met the limit, with counts and masked contacts only. Never
     * fails the caller: the request it comes from is refused anyway.
     */
    public void report(SecurityEvent kind, String facts) {
        if (settings.mailbox().filter(m -> !m.isBlank()).isEmpty()) {
            return;
        }
        Duration period = settings.noticePeriod();
        int seen;
        try {
            // counted up to a ceiling, so that a long attack cannot grow the store without bound
            store.tryAcquire(StateKeys.of("security:events", kind.name()), COUNTED_AT_MOST, period);
            seen = store.count(StateKeys.of("security:events", kind.name()), period);
            if (!store.claim(StateKeys.of("security:notice", kind.name()), period)) {
                return; // told already in this period
            }
        } catch (StateUnavailable e) {
            LOG.warnf("security: %s could not be reported (the state store did not answer)", kind);
            return;
        }
        String requestId = CurrentRequest.get().map(RequestIds::of).orElse("none");
        String text = String.join("\n",
                kind.subject + ".",
                "",
                "What met the limit: " + facts,
                "Events of this kind in the last " + period.toMinutes() + " minutes, on all replicas: " + seen,
                "What was done: " + kind.done,
                "When: " + clock.instant(),
                "Request id: " + requestId,
                "",
                "This mailbox hears of each kind at most once every " + period.toMinutes()
                        + " minutes; the audit trail has every event.");
        Mail mail = Mail.withText(settings.mailbox().get(), "[password portal] " + kind.subject, text);
        inFlight.incrementAndGet();
        mailer.send(mail)
                .onFailure().retry().withBackOff(notices.backoff(), notices.backoff().multipliedBy(8))
                .atMost(Math.max(0, notices.attempts() - 1))
                .ifNoItem().after(notices.timeout().multipliedBy(notices.attempts())).fail()
                .subscribe().with(ok -> {
                    inFlight.decrementAndGet();
                    LOG.infof("security: the security mailbox was told of %s (request %s)", kind, requestId);
                }, failure -> {
                    inFlight.decrementAndGet();
                    LOG.warnf("security: the security mailbox could not be told of %s (%s)", kind,
                            failure.getClass().getSimpleName());
                });
    }

    /** Messages still being sent: a test waits for none before it reads the mailbox. */
    public int inFlight() {
        return inFlight.get();
    }
}
