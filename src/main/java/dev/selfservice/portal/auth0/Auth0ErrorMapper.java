package dev.selfservice.portal.auth0;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.vertx.core.json.JsonObject;

/**
 * Reads Auth0's error bodies, both envelopes: the Authentication API's {@code {"error","error_description"}} and the
 * Management API's {@code {"statusCode","error","message","errorCode"}}.
 */
class Auth0ErrorMapper implements ResponseExceptionMapper<Auth0Exception> {

    @Override
    public Auth0Exception toThrowable(Response response) {
        String error = null;
        try {
            String body = response.readEntity(String.class);
            JsonObject json = body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
            error = json.getValue("errorCode") instanceof String code ? code
                    : json.getValue("error") instanceof String e ? e : null;
        } catch (RuntimeException e) {
            // not JSON (a proxy's error page, say): the status alone tells what happened
        }
        return Auth0Exception.of(response.getStatus(), error == null ? "http_" + response.getStatus() : error);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
