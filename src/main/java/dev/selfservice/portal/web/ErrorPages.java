package dev.selfservice.portal.web;

import java.util.UUID;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.selfservice.portal.state.StateUnavailable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Turns every failure into a page in the portal's layout with a status that fits. An unexpected error is logged with
 * a short reference that the page shows, so the helpdesk can find it; the page never shows the exception.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Messages msg;
    private final PortalConfig config;

    public ErrorPages(@PageLanguage.Current Messages msg, PortalConfig config) {
        this.msg = msg;
        this.config = config;
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(String title, String detail);
    }

    /** A page with a title and an explanation, for features that refuse a request for a reason they know. */
    public static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title, detail).render()).build();
    }

    /**
     * Some refusals end a request before any resource or mapper runs, with a status and no body (the CSRF filter's
     * 400 for a form without a valid token, a replayed or expired form). They get the same page as the others.
     */
    @ServerResponseFilter
    public void pageForBodylessRefusals(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && status != 401 && !response.hasEntity()) {
            String html = status == 404
                    ? Templates.error(msg.error_not_found_title(), msg.error_not_found_detail()).render()
                    : Templates.error(msg.error_bad_request_title(), msg.error_bad_request_detail()).render();
            response.setEntity(html, null, MediaType.TEXT_HTML_TYPE);
        }
    }

    /**
     * A body whose {@code Content-Type} header is there but empty cannot be read as anything; the JAX-RS runtime would
     * fail on it deep inside with an error of its own. It is a bad request, refused before anything reads it.
     */
    @ServerRequestFilter(preMatching = true)
    public java.util.Optional<Response> refuseABlankContentType(jakarta.ws.rs.container.ContainerRequestContext request) {
        String type = request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.CONTENT_TYPE);
        if (type != null && type.isBlank()) {
            return java.util.Optional.of(page(400, msg.error_bad_request_title(), msg.error_bad_request_detail()));
        }
        return java.util.Optional.empty();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, msg.error_not_found_title(), msg.error_not_found_detail());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 404) {
            return notFound(null);
        }
        if (status == 403) {
            return forbidden(null);
        }
        return page(status, msg.error_bad_request_title(), msg.error_bad_request_detail());
    }

    /**
     * A signed-in person without the role a page needs (the helpdesk's): said as what it is, not as a form that
     * expired, and nothing about what the page would have shown.
     */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return page(403, msg.error_forbidden_title(), msg.error_forbidden_detail());
    }

    /**
     * The state store (Redis) did not answer: limits and single-use proofs cannot be checked, so the request is
     * refused rather than let through without them. Nothing was done; in a minute it may work again.
     */
    @ServerExceptionMapper
    public Response stateUnavailable(StateUnavailable e) {
        LOG.warnf("Request refused: %s", e.getMessage());
        return Response.fromResponse(page(503, msg.error_busy_title(), msg.error_busy_detail())).header("Retry-After", "60")
                .build();
    }

    /**
     * A form body that is not valid URL encoding ({@code x=%zz}) fails in the JAX-RS runtime's form parser, before
     * any resource: the client sent it, so it is a bad request, not the portal's failure. Any other
     * IllegalArgumentException is one of ours and stays a 500 with a reference.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return thrownByTheFormParser(e, "FormEncodedDataDefinition", Integer.MAX_VALUE) ? page(400, msg.error_bad_request_title(), msg.error_bad_request_detail()) : unexpected(e);
    }

    /**
     * A form of more fields than the form parser takes (a thousand; no page has twenty) fails in the JAX-RS runtime's
     * {@code FormData} with a plain RuntimeException, before any resource. The client sent too much: 413 with the
     * bad-request page, and no error logged (an outside tester could fill the error log with such posts). Any other
     * RuntimeException is one of ours and stays a 500 with a reference.
     */
    @ServerExceptionMapper
    public Response runtime(RuntimeException e) {
        // a plain RuntimeException thrown by FormData itself: a subclass, or one from deeper down, is a failure of ours
        boolean tooManyFormFields = e.getClass() == RuntimeException.class && thrownByTheFormParser(e, "FormData", 3);
        if (tooManyFormFields) {
            LOG.debugf("a form of more fields than the parser takes was refused (%s)", e.getMessage());
            return page(413, msg.error_bad_request_title(), msg.error_bad_request_detail());
        }
        return unexpected(e);
    }

    /**
     * Whether a class of the JAX-RS runtime's form parser threw this, in the top frames given: the client's body failed
     * before any resource of ours ran. Its class names are the runtime's, not an API: a runtime that renames them
     * turns these refusals back into 500s, which OversizedFormsTest catches.
     */
    private static boolean thrownByTheFormParser(Throwable e, String parserClass, int topFrames) {
        String name = "org.jboss.resteasy.reactive.server.core.multipart." + parserClass;
        return java.util.Arrays.stream(e.getStackTrace()).limit(topFrames).map(StackTraceElement::getClassName)
                .anyMatch(c -> c.equals(name) || c.startsWith(name + "$"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // the request's own id: the page's reference, the answer's X-Request-Id and the log lines all agree
        String reference = CurrentRequest.get().map(RequestIds::of)
                .orElseGet(() -> UUID.randomUUID().toString().substring(0, 8));
        // the class and message only: exceptions from HTTP clients can carry request bodies
        LOG.errorf("Request failed (reference %s): %s", reference, e.getClass().getName());
        LOG.debugf(e, "Request failed (reference %s)", reference);
        return page(500, msg.error_server_title(), msg.error_server_detail(Helpdesk.here(config), reference));
    }
}
