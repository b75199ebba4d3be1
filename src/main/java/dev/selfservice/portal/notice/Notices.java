package dev.selfservice.portal.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.contact.LinkedContacts;
import dev.selfservice.portal.web.BrowserFamily;
import dev.selfservice.portal.web.ClientAddress;
import dev.selfservice.portal.web.CurrentRequest;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.PageLanguage;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

/**
 * Tells the employee by email that a security action happened on their account: to the work address and the personal
 * addresses enrolled for recovery (see {@link NoticeKind} for who gets which). What is said is taken while the
 * request is still there (when, from which address and browser, in the page's language); the mail goes after the
 * action succeeded and never holds it up or undoes it: addressed and sent on a worker thread, each copy retried with
 * growing pauses, and a copy that still fails is logged and written to the audit trail, never dropped silently.
 * A notice names no secret, has no sign-in link, and shows contacts masked.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);
    private static final int SWEEP_BATCH = 50;
    /** A copy left this long by a stopped replica is no longer sent. */
    private static final java.time.Duration NOTICE_TOO_OLD = java.time.Duration.ofDays(1);

    @CheckedTemplate(basePath = "notice")
    static class Templates {
        static native TemplateInstance text(String subject, String greeting, List<String> lines, String notYou, String footer);

        static native TemplateInstance html(String subject, String greeting, List<String> lines, String notYou, String footer);
    }

    /** What the notice says, taken during the request. */
    record Notice(NoticeKind kind, String userId, Instant at, String ip, Optional<String> browser, Locale locale,
            Optional<Contact> contact, String requestId) {
    }

    private final PortalConfig config;
    private final Auth0Management management;
    private final NoticeMailer mailer;
    private final NoticeOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    /** Notices being addressed or delivered: a graceful stop (and a test's clean slate) waits for none to be left. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    public Notices(PortalConfig config, Auth0Management management, NoticeMailer mailer, NoticeOutbox outbox,
            AuditLog audit, Clock clock) {
        this.config = config;
        this.management = management;
        this.mailer = mailer;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** After a password change, reset or lifted pause of this user: the account is read to address it. */
    public void tell(NoticeKind kind, String userId) {
        send(capture(kind, userId, Optional.empty()), Optional.empty());
    }

    /** The same, for a user the caller has just read (no second read of the account). */
    public void tell(NoticeKind kind, Auth0User user) {
        send(capture(kind, user.userId(), Optional.empty()), Optional.of(user));
    }

    /** After a recovery contact was added or removed, for the user as read just before the change. */
    public void tell(NoticeKind kind, Auth0User user, Contact contact) {
        send(capture(kind, user.userId(), Optional.of(contact)), Optional.of(user));
    }

    /**
     * An invitation to enrol for the coverage report's run over everyone without a contact: to the work address the
     * export read (no account read per employee, whose reads the Management API's rate limit would not carry for
     * thousands), in {@code language}, delivered as every notice is (kept in the outbox, retried, audited). Returns
     * once it is handed to the mailer: the run paces its sends itself.
     */
    public void inviteToEnrol(String userId, String workEmail, Locale language, Runnable undelivered) {
        if (!config.notices().enabled() || workEmail == null || workEmail.isBlank()) {
            return;
        }
        Notice notice = new Notice(NoticeKind.ENROLMENT_INVITATION, userId, clock.instant(), null, Optional.empty(),
                language, Optional.empty(), null);
        deliver(notice, workEmail, compose(notice, workEmail), outbox.put(notice, workEmail), undelivered);
    }

    private Notice capture(NoticeKind kind, String userId, Optional<Contact> contact) {
        Optional<RoutingContext> request = CurrentRequest.get();
        return new Notice(kind, userId, clock.instant(), request.map(r -> ClientAddress.of(r.request())).orElse(null),
                request.flatMap(r -> BrowserFamily.of(r.request().getHeader("User-Agent"))),
                PageLanguage.currentLocale(), contact, request.map(dev.selfservice.portal.web.RequestIds::of).orElse(null));
    }

    private void send(Notice notice, Optional<Auth0User> known) {
        if (!config.notices().enabled()) {
            return;
        }
        inFlight.incrementAndGet();
        Uni.createFrom().item(() -> known.orElseGet(() -> management.user(notice.userId())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(user -> {
                    try {
                        recipients(notice, user).forEach(to -> deliver(notice, to, compose(notice, to)));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }, failure -> {
                    try {
                        failed(notice, "unaddressed", "the account could not be read to address it ("
                                + failure.getClass().getSimpleName() + ")");
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
    }

    /**
     * On a stop (a rolling update), gives notices still being sent the shutdown's grace to leave: a password was
     * changed, and the employee must hear of it.
     */
    void drain(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        long deadline = System.nanoTime() + config.notices().timeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.get() > 0) {
            LOG.errorf("notice: %d notices were still being sent when the portal stopped", inFlight.get());
        }
    }

    /** How many notices are still being addressed or delivered. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Who is told: see {@link NoticeKind}. Addresses are compared without case; each gets one copy. */
    static List<String> recipients(Notice notice, Auth0User user) {
        Map<String, String> to = new LinkedHashMap<>();
        Optional.ofNullable(user.email()).filter(e -> !e.isBlank()).ifPresent(e -> to.put(e.toLowerCase(Locale.ROOT), e));
        Optional<String> changed = notice.contact().filter(c -> c.channel() == PasswordlessChannel.EMAIL).map(Contact::address);
        if (notice.kind() == NoticeKind.ENROLMENT_INVITATION) {
            return new ArrayList<>(to.values());
        }
        boolean removal = notice.kind() == NoticeKind.CONTACT_REMOVED
                || notice.kind() == NoticeKind.CONTACT_REMOVED_BY_HELPDESK;
        if (!removal) {
            for (Contact c : LinkedContacts.of(user)) {
                if (c.channel() == PasswordlessChannel.EMAIL) {
                    to.putIfAbsent(c.address().toLowerCase(Locale.ROOT), c.address());
                }
            }
        }
        // the new contact's holder added it and needs no warning; the removed one's may not know
        if (notice.kind() == NoticeKind.CONTACT_ADDED) {
            changed.ifPresent(a -> to.remove(a.toLowerCase(Locale.ROOT)));
        } else if (removal) {
            changed.ifPresent(a -> to.putIfAbsent(a.toLowerCase(Locale.ROOT), a));
        }
        return new ArrayList<>(to.values());
    }

    Mail compose(Notice notice, String to) {
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of(notice.locale().getLanguage()));
        String masked = notice.contact().map(Contact::masked).orElse("");
        String subject = switch (notice.kind()) {
            case PASSWORD_CHANGED -> msg.notice_password_changed_subject();
            case EXPIRED_PASSWORD_CHANGED -> msg.notice_expired_changed_subject();
            case PASSWORD_RESET -> msg.notice_password_reset_subject();
            case PAUSE_LIFTED, PAUSE_LIFTED_BY_HELPDESK -> msg.notice_pause_lifted_subject();
            case CONTACT_ADDED -> msg.notice_contact_added_subject();
            case CONTACT_REMOVED, CONTACT_REMOVED_BY_HELPDESK -> msg.notice_contact_removed_subject();
            case ENROLMENT_INVITATION -> msg.notice_invitation_subject();
        };
        String what = switch (notice.kind()) {
            case PASSWORD_CHANGED -> msg.notice_password_changed();
            case EXPIRED_PASSWORD_CHANGED -> msg.notice_expired_changed();
            case PASSWORD_RESET -> msg.notice_password_reset();
            case PAUSE_LIFTED -> msg.notice_pause_lifted();
            case PAUSE_LIFTED_BY_HELPDESK -> msg.notice_pause_lifted_by_helpdesk();
            case CONTACT_ADDED -> msg.notice_contact_added(masked);
            case CONTACT_REMOVED -> msg.notice_contact_removed(masked);
            case CONTACT_REMOVED_BY_HELPDESK -> msg.notice_contact_removed_by_helpdesk(masked);
            case ENROLMENT_INVITATION -> msg.notice_invitation();
        };
        // the employee's time zone is not known to the portal (Auth0 profiles rarely carry one): UTC, said so
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(notice.locale())
                .withZone(ZoneOffset.UTC).format(notice.at()) + " UTC";
        List<String> lines = List.of(what, msg.notice_when(when),
                msg.notice_where(notice.ip() == null ? "?" : notice.ip(),
                        notice.browser().orElse(msg.notice_unknown_browser())));
        String notYou = msg.notice_not_you(dev.selfservice.portal.web.Helpdesk.in(config, notice.locale()));
        if (notice.kind() == NoticeKind.ENROLMENT_INVITATION) {
            // how to enrol, with the portal's address as text to type (no link: a link to sign in is what phishing
            // sends); not where it came from, which is the helpdesk's desk and not the employee's
            lines = List.of(what, msg.notice_invitation_how(config.publicUrl()));
            notYou = msg.notice_invitation_not_expected(dev.selfservice.portal.web.Helpdesk.in(config, notice.locale()));
        }
        String footer = msg.notice_footer();
        String greeting = msg.notice_greeting();
        return Mail.withText(to, subject, Templates.text(subject, greeting, lines, notYou, footer).render())
                .setHtml(Templates.html(subject, greeting, lines, notYou, footer).render());
    }

    private void deliver(Notice notice, String to, Mail mail) {
        deliver(notice, to, mail, outbox.put(notice, to), () -> {
        });
    }

    /**
     * Sends the copies that a replica left unsent when it stopped (see {@link NoticeOutbox}): every replica sweeps,
     * and each copy is taken by one.
     */
    @io.quarkus.scheduler.Scheduled(identity = "notice-outbox-sweep", every = "${portal.notices.sweep-every:1M}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        if (!config.notices().enabled()) {
            return;
        }
        List<NoticeOutbox.Entry> left;
        try {
            left = outbox.abandoned(SWEEP_BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("notice: the sweep of the outbox did not run (%s)", e.getClass().getSimpleName());
            return;
        }
        for (NoticeOutbox.Entry copy : left) {
            inFlight.incrementAndGet();
            try {
                if (copy.notice().at().isBefore(clock.instant().minus(NOTICE_TOO_OLD))) {
                    // a day late it would alarm more than it tells: recorded as not delivered instead
                    failed(copy.notice(), copy.to(), "left unsent for a day by a replica that stopped");
                    outbox.remove(Optional.of(copy.member()));
                    continue;
                }
                LOG.infof("notice: %s to %s for %s was left unsent by a replica that stopped; sending it now",
                        copy.notice().kind(), masked(copy.to()), copy.notice().userId());
                deliver(copy.notice(), copy.to(), compose(copy.notice(), copy.to()), Optional.of(copy.member()), () -> {
                });
            } catch (RuntimeException e) {
                // one copy that cannot be composed or sent holds up none of the others
                LOG.warnf("notice: a copy from the outbox could not be sent now (%s)", e.getClass().getSimpleName());
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** {@code undelivered} runs when the last try failed: the caller may want to try again another day. */
    private void deliver(Notice notice, String to, Mail mail, Optional<String> kept, Runnable undelivered) {
        PortalConfig.Notices settings = config.notices();
        inFlight.incrementAndGet();
        // each try bounded: a relay that accepts the connection and then says nothing must not hold a notice forever
        mailer.send(mail).ifNoItem().after(settings.timeout()).fail()
                .onFailure().invoke(f -> LOG.warnf("notice: %s to %s for %s not delivered yet, will retry (%s)",
                        notice.kind(), masked(to), notice.userId(), f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(settings.backoff(), settings.backoff().multipliedBy(8))
                .atMost(Math.max(0, settings.attempts() - 1))
                .subscribe().with(done -> {
                    try {
                        audit.record(AuditAction.NOTICE, AuditOutcome.SUCCESS, null, notice.userId(), details(notice, to));
                    } finally {
                        finished(kept);
                    }
                }, failure -> {
                    try {
                        failed(notice, to, "after " + settings.attempts() + " tries (" + failure.getClass().getSimpleName() + ")");
                        undelivered.run();
                    } finally {
                        finished(kept);
                    }
                });
    }

    /** A copy is done with, delivered or given up: recorded first, so that nothing waiting for quiet misses the record. */
    private void finished(Optional<String> kept) {
        try {
            outbox.remove(kept);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Why names no more than the failure's type: an SMTP error can echo the message. */
    private void failed(Notice notice, String to, String why) {
        LOG.errorf("notice: %s to %s for %s could not be delivered: %s", notice.kind(), masked(to), notice.userId(), why);
        Map<String, String> details = details(notice, to);
        audit.record(AuditAction.NOTICE, AuditOutcome.FAILED, "NOT_DELIVERED", notice.userId(), details);
    }

    private static Map<String, String> details(Notice notice, String to) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("notice", notice.kind().name());
        details.put("to", masked(to));
        // sent after its request ended: the trail still names the request (and its address) that caused it
        details.put("ip", notice.ip());
        details.put("browser", notice.browser().orElse(null));
        details.put("request_id", notice.requestId());
        return details;
    }

    private static String masked(String address) {
        return address.contains("@") ? dev.selfservice.portal.contact.ContactAddress.mask(PasswordlessChannel.EMAIL, address)
                : address;
    }
}
