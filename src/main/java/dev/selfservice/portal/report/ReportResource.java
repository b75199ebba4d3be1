package dev.selfservice.portal.report;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StaffRoles;
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
                boolean running, String failedAt, List<TrendRow> trend, String notice);
    }

    /** A day of the trend as the page shows it. */
    public record TrendRow(String day, int percent, int total) {
    }

    private final CurrentEmployee current;
    private final CoverageReport report;

    public ReportResource(CurrentEmployee current, CoverageReport report) {
        this.current = current;
        this.report = report;
    }

    private static ReportMessages msg() {
        return PageLanguage.bundleIn(ReportMessages.class, PageLanguage.currentLocale());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("done") String done) {
        Optional<CoverageFigures> figures = report.latest();
        String notice = switch (done == null ? "" : done) {
            case "started" -> msg().report_started();
            case "running" -> msg().report_already_running();
            default -> null;
        };
        List<TrendRow> trend = report.trend().stream()
                .map(f -> new TrendRow(DAY.format(f.readAt()), f.percent(), f.total())).toList();
        return Html.page(200, Templates.coverage(current.get(), figures.orElse(null),
                figures.map(f -> WHEN.format(f.readAt())).orElse(null), report.running(),
                report.failedSinceLatest().map(WHEN::format).orElse(null), trend, notice));
    }

    @POST
    @Path("run")
    public Response run() {
        boolean started = report.start();
        return Response.seeOther(URI.create("/reports?done=" + (started ? "started" : "running"))).build();
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
        return Response.ok(csv).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
