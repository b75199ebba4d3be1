package dev.selfservice.portal.nudge;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.contact.ContactAddress;
import dev.selfservice.portal.contact.PhoneRegion;
import dev.selfservice.portal.enrolment.ContactConfirmation;
import dev.selfservice.portal.enrolment.EnrolmentService;
import dev.selfservice.portal.enrolment.PendingConfirmation;
import dev.selfservice.portal.enrolment.PendingEnrolment;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignInResource;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StepUp;
import dev.selfservice.portal.signin.StepUpGate;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.ErrorPages;
import dev.selfservice.portal.web.Helpdesk;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.Messages;
import dev.selfservice.portal.web.PageLanguage;
import dev.selfservice.portal.web.Problem;
import dev.selfservice.portal.web.Refusal;
import dev.selfservice.portal.web.Refusal.Reason;
import dev.selfservice.portal.web.Refusals;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code /nudge}: where the tenant's enrolment nudge Action sends an employee without a recovery contact in the middle
 * of a sign-in to any application. The first request carries the Action's token; it is accepted once (across
 * replicas, by the state store), and from then on the nudge lives in its own sealed cookie: the employee is the
 * token's subject, never anything a later request names. The employee adds a contact, proven by a code through the
 * same enrolment service as {@code /enrolment}, or chooses "later"; either way the browser goes back to the configured
 * tenant's {@code /continue} with a signed answer.
 */
@Path("/nudge")
@Produces(MediaType.TEXT_HTML)
public class NudgeResource {

    @CheckedTemplate(basePath = "nudge")
    static class Templates {
        static native TemplateInstance offer(boolean canSnooze, long snoozeDays, String snoozeEnds, String helpdesk,
                Problem problem);

        static native TemplateInstance contact(Problem problem, String email, String phone);

        static native TemplateInstance verify(String address, boolean sms, String notice, Problem problem);

        static native TemplateInstance stillYours(List<Contact> contacts, boolean canSnooze, long snoozeDays,
                String snoozeEnds, Problem problem);

        static native TemplateInstance confirm(String address, boolean sms, String notice, Problem problem);

        static native TemplateInstance passwordNeeded(boolean canSnooze, long snoozeDays, String snoozeEnds);

        static native TemplateInstance back(String url);
    }

    static final String SHOWN = "shown";
    static final String SNOOZED = "snoozed";
    static final String ENROLLED = "enrolled";
    static final String CONFIRMED = "confirmed";
    static final String REFUSED = "refused";

    private final NudgeTokens tokens;
    private final NudgeCookie cookie;
    private final NudgeSettings settings;
    private final StateStore store;
    private final EnrolmentService enrolment;
    private final ContactConfirmation confirmation;
    private final Auth0Management management;
    private final PhoneRegion phoneRegion;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Messages msg;
    private final Refusals refusals;
    private final PortalConfig config;
    private final Clock clock;
    private static final String VERIFY = "/nudge/verify";
    private static final String CONFIRM_CODE = "/nudge/confirm/code";
    /** The code pages' word after "Send a new code" ({@code ?sent=again}), said with a {@link DoneNotices} cookie. */
    private static final String RESENT = "again";

    private final StepUp stepUp;
    private final DoneNotices doneNotices;
    private final StepUpGate gate;
    private final CurrentEmployee current;
    private final SecurityIdentity identity;

    public NudgeResource(NudgeTokens tokens, NudgeCookie cookie, NudgeSettings settings, StateStore store,
            EnrolmentService enrolment, ContactConfirmation confirmation, Auth0Management management, PhoneRegion phoneRegion, AuditLog audit,
            MeterRegistry metrics, @PageLanguage.Current Messages msg, Refusals refusals,
            PortalConfig config, Clock clock, StepUp stepUp, StepUpGate gate, CurrentEmployee current,
            SecurityIdentity identity, DoneNotices doneNotices) {
        this.doneNotices = doneNotices;
        this.stepUp = stepUp;
        this.gate = gate;
        this.current = current;
        this.identity = identity;
        this.tokens = tokens;
        this.cookie = cookie;
        this.settings = settings;
        this.store = store;
        this.enrolment = enrolment;
        this.confirmation = confirmation;
        this.management = management;
        this.phoneRegion = phoneRegion;
        this.audit = audit;
        this.metrics = metrics;
        this.msg = msg;
        this.refusals = refusals;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The Action's redirect. The token is taken once per login (its state), so a replayed link, even in parallel, opens
     * nothing; the page itself is served from {@code /nudge/offer}, so that the token leaves the address bar at once.
     */
    @GET
    public Response arrive(@QueryParam("session_token") String token, @QueryParam("state") String state) {
        Optional<NudgeTokens.Nudge> nudge = tokens.read(token, state);
        Duration hold = settings.pageLifetime().plus(Duration.ofMinutes(10));
        if (nudge.isEmpty() || !store.claim(StateKeys.of("nudge", nudge.get().state()), hold)) {
            count(REFUSED);
            return unusable();
        }
        NudgeTokens.Nudge n = nudge.get();
        audit.record(AuditAction.NUDGE_SHOWN, AuditOutcome.SUCCESS, null, n.subject(),
                Map.of("reason", n.reconfirm() ? "reconfirm" : "enrol"));
        count(SHOWN);
        return Response.seeOther(URI.create("/nudge/offer"))
                .cookie(cookie.write(n, clock.instant(), clock.instant().plus(settings.pageLifetime()))).build();
    }

    @GET
    @Path("offer")
    public Response offer(@CookieParam(NudgeCookie.NAME) String value) {
        return firstPage(200, nudged(value), Problem.NONE);
    }

    /** "Later": the snooze goes back to the tenant, unless the snoozes allowed are used up. */
    @POST
    @Path("later")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response later(@CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        if (!canSnooze(n)) {
            audit.record(AuditAction.NUDGE_SNOOZED, AuditOutcome.REFUSED, "SNOOZES_USED_UP", n.subject(), Map.of());
            return firstPage(403, n, new Problem(msg.nudge_no_more_later(), null));
        }
        return answer(n, SNOOZED, "later", Optional.of(settings.snooze()), AuditAction.NUDGE_SNOOZED,
                Map.of("snooze_seconds", String.valueOf(settings.snooze().toSeconds())));
    }

    /**
     * "Add now": the contact form, where the password was entered in this very login, recently; otherwise the portal's
     * step-up sign-in first ({@code prompt=login} with the employee's username), which counts only for the token's
     * subject.
     */
    @POST
    @Path("now")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response now(@CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        if (passwordIsFresh(n) || steppedUp(n)) {
            return Response.seeOther(URI.create("/nudge/contact")).build();
        }
        return stepUp(n, "/nudge/contact");
    }

    /**
     * "Yes, send a code" for one of the employee's own contacts ("is this still yours?"): through the same confirmation
     * as the contacts page's, its limits and its proof; with the same password rule as "add now", whose step-up comes
     * back to the question.
     */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String contact, @CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        if (!passwordIsFresh(n) && !steppedUp(n)) {
            return stepUp(n, "/nudge/offer");
        }
        try {
            PendingConfirmation pending = confirmation.start(employee(n), n.binding(), Html.echo(contact));
            audit.record(AuditAction.ENROLMENT_RECONFIRM_START, AuditOutcome.SUCCESS, null, n.subject(),
                    Map.of("channel", pending.channel().connection(), "contact", pending.contact().masked(), "via", "nudge"));
            return Response.seeOther(URI.create("/nudge/confirm/code")).cookie(cookie.write(n, pending)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM_START, n.subject(), e);
            return firstPage(e.status(), n, refusals.problem(e));
        }
    }

    @GET
    @Path("confirm/code")
    public Response confirmCodePage(@CookieParam(NudgeCookie.NAME) String value, @QueryParam("sent") String sent,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        NudgeCookie.Nudged n = nudged(value);
        Optional<PendingConfirmation> p = n.confirming();
        if (p.isEmpty()) {
            return Response.seeOther(URI.create("/nudge/offer")).build();
        }
        // "a new code was sent" only after the resend's own redirect, not from a link that says so
        boolean resent = doneNotices.said(doneCookie, CONFIRM_CODE, sent).isPresent();
        return doneNotices.once(confirmPage(200, p.get(), resent ? msg.verify_resent() : null, Problem.NONE), doneCookie);
    }

    /** The code: the contact's date is refreshed, and "confirmed" goes back to the tenant. */
    @POST
    @Path("confirm/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmCode(@RestForm String code, @CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        try {
            Contact confirmed = confirmation.verify(employee(n), n.binding(), n.confirming(), code);
            Map<String, String> details = Map.of("channel", confirmed.channel().connection(), "contact", confirmed.masked());
            audit.record(AuditAction.ENROLMENT_RECONFIRM, AuditOutcome.SUCCESS, null, n.subject(),
                    Map.of("channel", confirmed.channel().connection(), "contact", confirmed.masked(), "via", "nudge"));
            return answer(n, CONFIRMED, "confirmed", Optional.empty(), AuditAction.NUDGE_CONFIRMED, details);
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM, n.subject(), e);
            if (n.confirming().isPresent() && e.reason().staysOnTheStep()) {
                return confirmPage(e.status(), n.confirming().get(), null, refusals.problem(e));
            }
            return firstPage(e.status(), n, refusals.problem(e));
        }
    }

    @POST
    @Path("confirm/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmResend(@CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        try {
            PendingConfirmation renewed = confirmation.resend(employee(n), n.binding(), n.confirming());
            audit.success(AuditAction.ENROLMENT_RECONFIRM_RESEND, n.subject());
            return Response.seeOther(URI.create(CONFIRM_CODE + "?sent=" + RESENT))
                    .cookie(cookie.write(n, renewed), doneNotices.after(CONFIRM_CODE, RESENT)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RECONFIRM_RESEND, n.subject(), e);
            if (n.confirming().isPresent() && e.reason().staysOnTheStep()) {
                return confirmPage(e.status(), n.confirming().get(), null, refusals.problem(e));
            }
            return firstPage(e.status(), n, refusals.problem(e));
        }
    }

    /**
     * The portal's step-up sign-in ({@code prompt=login} with the employee's username), which counts only for the
     * token's subject, then {@code then}.
     */
    private Response stepUp(NudgeCookie.Nudged n, String then) {
        if (!identity.isAnonymous()) {
            // a portal session in this browser (perhaps another employee's) would answer the sign-in without a password
            return passwordNeeded(n);
        }
        SignedInEmployee employee;
        try {
            employee = employee(n);
        } catch (Refusal e) {
            return ErrorPages.page(e.status(), msg.nudge_title(), refusals.explain(e));
        }
        // the earliest the tenant's clock can read now: the token's iat, plus what passed here since it was taken
        Instant now = clock.instant();
        // in whole seconds, as auth_time is: a password entered later in the second the step-up began counts, and the
        // nudged login's own password, entered before the token was issued, does not
        Instant start = n.issuedAt().plus(Duration.between(n.arrivedAt().isAfter(now) ? now : n.arrivedAt(), now))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return Response.seeOther(URI.create(SignInResource.FRESH + "?then="
                + java.net.URLEncoder.encode(then, java.nio.charset.StandardCharsets.UTF_8)))
                .cookie(stepUp.beginFor(n.subject(), employee.username(), start)).build();
    }

    @GET
    @Path("contact")
    public Response contact(@CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        if (!passwordIsFresh(n) && !steppedUp(n)) {
            return passwordNeeded(n);
        }
        return Html.page(200, Templates.contact(Problem.NONE, "", ""));
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEmail(@RestForm String email, @CookieParam(NudgeCookie.NAME) String value) {
        return start(value, () -> ContactAddress.email(email), Reason.INVALID_EMAIL, "email", Html.echo(email), "");
    }

    @POST
    @Path("phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPhone(@RestForm String phone, @CookieParam(NudgeCookie.NAME) String value) {
        return start(value, () -> phoneRegion.read(phone), Reason.INVALID_PHONE, "phone", "", Html.echo(phone));
    }

    @GET
    @Path("verify")
    public Response verifyPage(@CookieParam(NudgeCookie.NAME) String value, @QueryParam("sent") String sent,
            @CookieParam(DoneNotices.NAME) String doneCookie) {
        NudgeCookie.Nudged n = nudged(value);
        Optional<PendingEnrolment> p = n.pending();
        if (p.isEmpty()) {
            return Response.seeOther(URI.create("/nudge/offer")).build();
        }
        // "a new code was sent" only after the resend's own redirect, not from a link that says so
        boolean resent = doneNotices.said(doneCookie, VERIFY, sent).isPresent();
        return doneNotices.once(verifyPage(200, p.get(), resent ? msg.verify_resent() : null, Problem.NONE), doneCookie);
    }

    /** The code: through the enrolment service, its limits and notices; then "enrolled" goes back to the tenant. */
    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@RestForm String code, @CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        SignedInEmployee employee;
        try {
            employee = employee(n);
            Contact added = enrolment.verify(employee, n.binding(), n.pending(), code);
            audit.record(AuditAction.ENROLMENT_CONFIRM, AuditOutcome.SUCCESS, null, n.subject(),
                    Map.of("channel", added.channel().connection(), "contact", added.masked(), "via", "nudge"));
            return answer(n, ENROLLED, "enrolled", Optional.empty(), AuditAction.NUDGE_ENROLLED,
                    Map.of("channel", added.channel().connection(), "contact", added.masked()));
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_CONFIRM, n.subject(), e);
            if (n.pending().isPresent() && e.reason().staysOnTheStep()) {
                return verifyPage(e.status(), n.pending().get(), null, refusals.problem(e));
            }
            return Html.page(e.status(), Templates.contact(refusals.problem(e), "", ""));
        }
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@CookieParam(NudgeCookie.NAME) String value) {
        NudgeCookie.Nudged n = nudged(value);
        try {
            PendingEnrolment renewed = enrolment.resend(employee(n), n.binding(), n.pending());
            audit.success(AuditAction.ENROLMENT_RESEND, n.subject());
            return Response.seeOther(URI.create(VERIFY + "?sent=" + RESENT))
                    .cookie(cookie.write(n, renewed), doneNotices.after(VERIFY, RESENT)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_RESEND, n.subject(), e);
            if (n.pending().isPresent() && e.reason().staysOnTheStep()) {
                return verifyPage(e.status(), n.pending().get(), null, refusals.problem(e));
            }
            return Html.page(e.status(), Templates.contact(refusals.problem(e), "", ""));
        }
    }

    // ---- helpers ----

    /** A step of the nudge without its cookie, or with one this portal did not seal or that has ended. */
    static final class NoNudge extends RuntimeException {
        NoNudge() {
            super(null, null, false, false);
        }
    }

    /** Every step's start: the nudge of this browser's cookie, else the nudge's own "cannot be used" page. */
    private NudgeCookie.Nudged nudged(String value) {
        return cookie.read(value).orElseThrow(NoNudge::new);
    }

    /** For this resource's methods only: see {@link #nudged}. */
    @ServerExceptionMapper
    public Response noNudge(NoNudge e) {
        return unusable();
    }

    private interface AddressParser {
        ContactAddress parse() throws ContactAddress.Invalid;
    }

    private Response start(String value, AddressParser parser, Reason invalid, String field, String email, String phone) {
        NudgeCookie.Nudged n = nudged(value);
        if (!passwordIsFresh(n) && !steppedUp(n)) {
            return passwordNeeded(n);
        }
        ContactAddress address;
        try {
            address = parser.parse();
        } catch (ContactAddress.Invalid e) {
            return Html.page(invalid.status(), Templates.contact(refusals.problem(new Refusal(invalid)), email, phone));
        }
        try {
            PendingEnrolment pending = enrolment.start(employee(n), n.binding(), address);
            audit.record(AuditAction.ENROLMENT_START, AuditOutcome.SUCCESS, null, n.subject(),
                    Map.of("channel", address.channel().connection(), "contact", address.masked(), "via", "nudge"));
            return Response.seeOther(URI.create("/nudge/verify")).cookie(cookie.write(n, pending)).build();
        } catch (Refusal e) {
            audit.refused(AuditAction.ENROLMENT_START, n.subject(), e);
            Problem problem = e.reason() == Reason.ALREADY_YOURS || e.reason() == Reason.WORK_ADDRESS
                    || e.reason() == Reason.ADDRESS_REFUSED_BY_AUTH0 ? refusals.problem(e).about(field) : refusals.problem(e);
            return Html.page(e.status(), Templates.contact(problem, email, phone));
        }
    }

    /**
     * The way back to the tenant after the last post: a page of its own that moves on by itself ({@code Refresh}) and
     * offers the link. Not a redirect of the post: browsers hold the redirects that follow a form post to the page's
     * form-action, and the tenant's {@code /continue} then redirects to the callback of whichever application the
     * employee was signing in to, an origin the portal cannot list.
     */
    @GET
    @Path("back")
    public Response back(@CookieParam("nudge_back") String value) {
        Optional<URI> back = cookie.readBack(value);
        if (back.isEmpty()) {
            return unusable();
        }
        return Response.fromResponse(Html.page(200, Templates.back(back.get().toString())))
                .header("Refresh", "0; url=" + back.get()).build();
    }

    /**
     * The signed answer goes back to the configured tenant's {@code /continue}, never to an address a request names;
     * once per login, so that a second post (a forged "later" after "enrolled") answers nothing.
     */
    private Response answer(NudgeCookie.Nudged n, String counted, String outcome, Optional<Duration> snooze,
            AuditAction action, Map<String, String> details) {
        if (!store.claim(StateKeys.of("nudge-answer", n.state()), settings.pageLifetime().plus(Duration.ofMinutes(10)))) {
            return Response.fromResponse(unusable()).cookie(cookie.clear()).build();
        }
        audit.record(action, AuditOutcome.SUCCESS, null, n.subject(), details);
        count(counted);
        URI back = UriBuilder.fromUri(config.auth0().url()).path("continue").queryParam("state", n.state())
                .queryParam("nudge_result", tokens.answer(n.subject(), n.state(), outcome, snooze)).build();
        return Response.seeOther(URI.create("/nudge/back"))
                .cookie(cookie.clear(), cookie.writeBack(back, clock.instant().plus(NudgeTokens.ANSWER_LIFETIME))).build();
    }

    private boolean canSnooze(NudgeCookie.Nudged n) {
        return settings.maxSnoozes().isEmpty() || n.snoozes() < settings.maxSnoozes().getAsInt();
    }

    /** The AD password was entered in the nudged login, recently enough to add a contact without asking it again. */
    private boolean passwordIsFresh(NudgeCookie.Nudged n) {
        return n.passwordEntered() && clock.instant().isBefore(n.authTime().plus(settings.recentPassword()));
    }

    /** The nudged employee entered the password again in the portal's step-up, within its window. */
    private boolean steppedUp(NudgeCookie.Nudged n) {
        if (identity.isAnonymous()) {
            return false;
        }
        try {
            return current.get().userId().equals(n.subject()) && gate.passed();
        } catch (RuntimeException e) {
            return false; // a session of no AD employee
        }
    }

    /** The employee as the enrolment service knows one: the verified token's subject, with the account's own profile. */
    private SignedInEmployee employee(NudgeCookie.Nudged n) throws Refusal {
        try {
            Auth0User user = management.user(n.subject());
            String username = user.nickname() == null ? "" : user.nickname();
            return new SignedInEmployee(n.subject(), username, user.name() == null ? username : user.name(),
                    user.email() == null ? "" : user.email());
        } catch (Auth0Exception e) {
            throw Refusal.auth0(e.rateLimited());
        }
    }

    /**
     * The nudge's first page: "is this still yours?" when the Action sent the employee for a contact that is due (the
     * due ones; all of them when the portal's reconfirm-after finds none due, since the Action's setting sent the
     * employee here), otherwise, and when no contact is left, the offer to add one.
     */
    private Response firstPage(int status, NudgeCookie.Nudged n, Problem problem) {
        if (n.reconfirm()) {
            List<Contact> contacts;
            try {
                contacts = enrolment.contacts(employee(n));
            } catch (Refusal e) {
                return ErrorPages.page(e.status(), msg.nudge_title(), refusals.explain(e));
            }
            List<Contact> due = contacts.stream().filter(Contact::confirmationDue).toList();
            if (!contacts.isEmpty()) {
                return Html.page(status, Templates.stillYours(due.isEmpty() ? contacts : due, canSnooze(n), snoozeDays(),
                        snoozeEnds(), problem));
            }
        }
        return Html.page(status, Templates.offer(canSnooze(n), snoozeDays(), snoozeEnds(), Helpdesk.here(config), problem));
    }

    private long snoozeDays() {
        return Math.max(1, settings.snooze().toDays());
    }

    /** The day "later" keeps the nudge away until, as the page's language writes a date. */
    private String snoozeEnds() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(PageLanguage.currentLocale())
                .withZone(ZoneOffset.UTC).format(clock.instant().plus(settings.snooze()));
    }

    private Response confirmPage(int status, PendingConfirmation p, String notice, Problem problem) {
        return Html.page(status, Templates.confirm(p.contact().masked(), p.channel() == PasswordlessChannel.SMS, notice,
                problem));
    }

    private Response verifyPage(int status, PendingEnrolment p, String notice, Problem problem) {
        return Html.page(status, Templates.verify(p.contact().masked(), p.channel() == PasswordlessChannel.SMS, notice,
                problem));
    }

    private Response unusable() {
        return ErrorPages.page(400, msg.nudge_unusable_title(), msg.nudge_unusable_detail());
    }

    /** The password is needed: said plainly, with "later" still there where it is allowed, and the way back. */
    private Response passwordNeeded(NudgeCookie.Nudged n) {
        return Html.page(401, Templates.passwordNeeded(canSnooze(n), snoozeDays(), snoozeEnds()));
    }

    private void count(String outcome) {
        metrics.counter("portal.nudges", "outcome", outcome).increment();
    }
}
