package dev.selfservice.portal.report;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.audit.AuditAction;
import dev.selfservice.portal.audit.AuditLog;
import dev.selfservice.portal.audit.AuditOutcome;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StaffRoles;
import dev.selfservice.portal.signin.SteppedUp;
import dev.selfservice.portal.web.DoneNotices;
import dev.selfservice.portal.web.Html;
import dev.selfservice.portal.web.PageLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /reports}: the coverage report, for members of the report groups only (checked on every request,
 * {@link StaffRoles}); everyone else gets 403, a signed-out visitor the sign-in. The figures of the last good
 * reading, a note when a reading runs or failed since, the daily trend, the button that starts a reading, and the
 * CSV of the employees without a contact.
 */
@Path("/reports")
@RolesAllowed(StaffRoles.REPORTS)
public class ReportResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @CheckedTemplate(basePath = "report")
    static class Templates {
        // the staff member is "employee" to the layout, which shows who is signed in and the sign-out button
        static native TemplateInstance coverage(SignedInEmployee employee, CoverageFigures figures, String readAt,
                boolean running, String failedAt, List<TrendRow> trend, InvitationLine invitations,
                int invitationsPerMinute, long inviteAgainDays, String notice);
    }

    /** The newest invitation run as the page's progress line says it. */
    public record InvitationLine(String startedAt, String startedBy, int total, int sent, int passedOver,
            boolean running, String endedAt, boolean stopped, boolean abandoned) {
    }

    /** A day of the trend as the page shows it. */
    public record TrendRow(String day, int percent, int total) {
    }

    private static final String PATH = "/reports";

    private final CurrentEmployee current;
    private final CoverageReport report;
    private final InvitationRun invitations;
    private final ReportSettings settings;
    private final DoneNotices doneNotices;
    private final AuditLog audit;

    public ReportResource(CurrentEmployee current, CoverageReport report, InvitationRun invitations,
            ReportSettings settings, DoneNotices doneNotices, AuditLog audit) {
        this.current = current;
        this.report = report;
        this.invitations = invitations;
        this.settings = settings;
        this.doneNotices = doneNotices;
        this.audit = audit;
    }

    private static ReportMessages msg() {
        return PageLanguage.bundleIn(ReportMessages.class, PageLanguage.currentLocale());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("done") String doneParam, @CookieParam(DoneNotices.NAME) String doneCookie) {
        Optional<CoverageFigures> figures = report.latest();
        // said only after the portal's own redirect, not by a link
        String notice = switch (doneNotices.said(doneCookie, PATH, doneParam).orElse("")) {
            case "started" -> msg().report_started();
            case "running" -> msg().report_already_running();
            case "inviting" -> msg().report_invitations_started();
            case "inviting-already" -> msg().report_invitations_already_running();
            case "no-reading" -> msg().report_invitations_no_reading();
            default -> null;
        };
        List<TrendRow> trend = report.trend().stream()
                .map(f -> new TrendRow(DAY.format(f.readAt()), f.percent(), f.total())).toList();
        InvitationLine line = invitations.progress().map(p -> new InvitationLine(WHEN.format(p.startedAt()),
                p.startedBy(), p.total(), p.sent(), p.passedOver(), p.running(),
                p.endedAt() == null ? null : WHEN.format(p.endedAt()), p.stopped(), invitations.abandoned(p)))
                .orElse(null);
        return doneNotices.once(Html.page(200, Templates.coverage(current.get(), figures.orElse(null),
                figures.map(f -> WHEN.format(f.readAt())).orElse(null), report.running(),
                report.failedSinceLatest().map(WHEN::format).orElse(null), trend, line,
                settings.invitationsPerMinute(), settings.inviteAgainAfter().toDays(), notice)), doneCookie);
    }

    @POST
    @Path("run")
    public Response run() {
        boolean started = report.start();
        if (started) {
            audit.record(AuditAction.REPORT_READING, AuditOutcome.SUCCESS, null, null, current.get().asActingStaff());
        }
        return done(started ? "started" : "running");
    }

    /**
     * Invites everyone without a contact in the newest reading who was not invited in the last days. Mail to many
     * people: the staff member's password is asked again, as every step of the helpdesk that sends something.
     */
    @POST
    @Path("invite")
    @SteppedUp(then = PATH)
    public Response invite() {
        SignedInEmployee staff = current.get();
        InvitationRun.Started started = invitations.start(staff.userId(), staff.staffName());
        return done(switch (started) {
            case STARTED -> "inviting";
            case ALREADY_RUNNING -> "inviting-already";
            case NO_READING -> "no-reading";
        });
    }

    private Response done(String what) {
        return Response.seeOther(URI.create(PATH + "?done=" + what)).cookie(doneNotices.after(PATH, what)).build();
    }

    @GET
    @Path("without-contact.csv")
    @Produces("text/csv")
    public Response withoutContact() {
        Optional<WithoutContact> list = report.withoutContact();
        Instant readAt = list.map(WithoutContact::readAt).orElse(null);
        String csv = CsvCells.table(List.of("username", "name", "work_email"), list.map(WithoutContact::employees)
                .orElse(List.of()).stream().map(e -> List.of(e.username(), e.name(), e.workEmail())).toList());
        String file = "without-recovery-contact" + (readAt == null ? "" : "-" + DAY.format(readAt)) + ".csv";
        // a byte-order mark first: Excel opens a UTF-8 file without one in the machine's code page (umlauts garbled)
        return Response.ok("\uFEFF" + csv).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
