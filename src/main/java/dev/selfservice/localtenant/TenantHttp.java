package dev.selfservice.localtenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Response helpers shared by the tenant's endpoints, in Auth0's shapes. */
final class TenantHttp {

    private TenantHttp() {
    }

    static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Pragma", "no-cache")
                .end(JsonObject.mapFrom(body).encode());
    }

    static void jsonArray(RoutingContext ctx, int status, java.util.List<?> body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new io.vertx.core.json.JsonArray(body).encode());
    }

    /** The Authentication API's error envelope: {@code {"error": ..., "error_description": ...}}. */
    static void oauthError(RoutingContext ctx, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(ctx, status, body);
    }

    static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
    }

    /** The origin (scheme, host and port) of a URL, for a Content-Security-Policy; empty when it has none. */
    static java.util.Optional<String> origin(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Appends query parameters to a URL, skipping null values. */
    static String withQuery(String url, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null) {
                query.add(encode(k) + "=" + encode(v));
            }
        });
        if (query.length() == 0) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A string field of a JSON body; a field of another type reads as absent, not as an error. */
    static String str(JsonObject body, String key) {
        Object v = body.getValue(key);
        return v instanceof String s ? s : null;
    }

    /** The body as a JSON object: a JSON body as it is, a form as its fields; empty when it is neither. */
    static JsonObject bodyObject(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            try {
                JsonObject json = ctx.body().asJsonObject();
                return json == null ? new JsonObject() : json;
            } catch (RuntimeException e) {
                return new JsonObject();
            }
        }
        JsonObject form = new JsonObject();
        ctx.request().formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
        return form;
    }

    /** The parameters of a form or JSON body; Auth0's token endpoint takes either. */
    static MultiMap bodyParams(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            MultiMap params = MultiMap.caseInsensitiveMultiMap();
            try {
                JsonObject json = ctx.body().asJsonObject();
                if (json != null) {
                    json.forEach(e -> {
                        if (e.getValue() != null && !(e.getValue() instanceof JsonObject)) {
                            params.add(e.getKey(), String.valueOf(e.getValue()));
                        }
                    });
                }
            } catch (RuntimeException e) {
                // a malformed body is answered as a body without parameters
            }
            return params;
        }
        return ctx.request().formAttributes();
    }
}
