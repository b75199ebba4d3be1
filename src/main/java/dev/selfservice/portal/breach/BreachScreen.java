package dev.selfservice.portal.breach;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.notice.SecurityEvent;
import dev.selfservice.portal.notice.SecurityNotices;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refuses a new password known from a breach (NIST SP 800-63B-4, 3.1.1.2: compared whole, and the employee told why).
 * Every new password passes here before it reaches Auth0 (the password writer asks first). The password never leaves
 * the portal: only the first 5 hex characters of its SHA-1 go to the range API, or an offline file is searched. When
 * the list cannot be asked, {@link BreachSettings#whenUnavailable()} decides, and the decision is audited and counted
 * ({@code portal_breach_unscreened_total}).
 */
@ApplicationScoped
@jakarta.inject.Named("breachScreen") // the pages list the breach rule only where it is applied
public class BreachScreen {

    /** What the live checklist is told of a candidate: never "not listed" unless the list was asked and said so. */
    public enum Verdict {
        /** The list was asked and does not hold it. */
        NOT_LISTED,
        /** The list holds it: the change would be refused. */
        LISTED,
        /** The list could not be asked now: nothing is known (the change itself decides by the setting). */
        UNAVAILABLE,
        /** Screening is switched off: nothing is asked. */
        OFF
    }

    private static final Logger LOG = Logger.getLogger(BreachScreen.class);

    private final BreachSettings settings;
    private final BreachList list;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final SecurityNotices security;

    BreachScreen(BreachSettings settings, PwnedRange range, AuditLog audit, MeterRegistry metrics,
            SecurityNotices security) {
        this.security = security;
        this.settings = settings;
        // a file that cannot be read stops the start: a site that may not call out must not screen nothing unnoticed
        this.list = settings.file().<BreachList>map(HashFile::new).orElse(range);
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Whether new passwords are screened at all ({@code BREACH_SCREENING}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Whether a change would be refused on this verdict: a listed password, or none known while the setting refuses. */
    public boolean refuses(Verdict verdict) {
        return verdict == Verdict.LISTED || verdict == Verdict.UNAVAILABLE
                && settings.whenUnavailable() == BreachSettings.WhenUnavailable.REFUSE;
    }

    /**
     * The live checklist's answer for a candidate, from the same list and lookup as {@link #require}, so that the page
     * and the refusal cannot disagree. Nothing is audited, counted or reported: no password is being set, and a
     * checklist asked while the list is down would otherwise flood the trail and the security mailbox.
     */
    public Verdict verdict(String candidate) {
        if (!settings.enabled() || candidate == null || candidate.isEmpty()) {
            return Verdict.OFF;
        }
        try {
            return listed(candidate) ? Verdict.LISTED : Verdict.NOT_LISTED;
        } catch (BreachList.BreachListUnavailable e) {
            LOG.debugf("breach: a checklist candidate was not screened (%s)", e.getMessage());
            return Verdict.UNAVAILABLE;
        }
    }

    /**
     * Returns when the new password of {@code userId} may be set; throws {@link Reason#PASSWORD_BREACHED}, or
     * {@link Reason#BREACH_CHECK_UNAVAILABLE} when the list could not be asked and the setting says refuse.
     */
    public void require(String userId, String newPassword) throws Refusal {
        if (!settings.enabled() || newPassword == null || newPassword.isEmpty()) {
            return;
        }
        boolean breached;
        try {
            breached = listed(newPassword);
        } catch (BreachList.BreachListUnavailable e) {
            unscreened(userId, e);
            return;
        }
        if (breached) {
            throw new Refusal(Reason.PASSWORD_BREACHED);
        }
    }

    /** The one lookup that both the refusal and the checklist make. */
    private boolean listed(String password) throws BreachList.BreachListUnavailable {
        return list.contains(Sha1.of(password));
    }

    private void unscreened(String userId, BreachList.BreachListUnavailable e) throws Refusal {
        boolean refuse = settings.whenUnavailable() == BreachSettings.WhenUnavailable.REFUSE;
        String decision = refuse ? "refused" : "accepted";
        LOG.warnf("breach: a new password of %s was not screened (%s); it is %s, as set", userId, e.getMessage(), decision);
        metrics.counter("portal.breach.unscreened", "decision", decision).increment();
        audit.record(AuditAction.PASSWORD_SCREEN, AuditOutcome.FAILED, "BREACH_LIST_UNAVAILABLE", userId,
                Map.of("decision", decision));
        security.report(SecurityEvent.BREACH_SCREENING_SKIPPED, "a new password of " + userId + " was " + decision
                + " unscreened (" + e.getMessage() + ")");
        if (refuse) {
            throw new Refusal(Reason.BREACH_CHECK_UNAVAILABLE);
        }
    }
}
