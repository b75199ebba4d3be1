package dev.selfservice.portal.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** Page responses with a status of their own, and what a form may echo back. */
public final class Html {

    private Html() {
    }

    public static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    /** What a form sent, cut to a length no real value reaches, for echoing into the form again. */
    public static String echo(String value) {
        return value == null ? "" : value.length() > 256 ? value.substring(0, 256) : value;
    }
}
