package dev.selfservice.localtenant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.vertx.ext.web.RoutingContext;

/**
 * How {@code /authorize} answers the application's callback, by {@code response_mode}: {@code query} (the default
 * for the code flow) and {@code fragment} redirect; {@code form_post} answers a page that posts the parameters to the
 * callback by itself, as Auth0's does (with a button for a browser without JavaScript).
 */
final class CallbackAnswer {

    static final Set<String> MODES = Set.of("query", "fragment", "form_post");

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallbackAnswer() {
    }

    static void send(RoutingContext ctx, String callback, String responseMode, Map<String, String> params) {
        if ("form_post".equals(responseMode)) {
            formPost(ctx, callback, params);
        } else if ("fragment".equals(responseMode)) {
            String query = TenantHttp.withQuery("", params);
            TenantHttp.redirect(ctx, callback + "#" + (query.startsWith("?") ? query.substring(1) : query));
        } else {
            TenantHttp.redirect(ctx, TenantHttp.withQuery(callback, params));
        }
    }

    private static void formPost(RoutingContext ctx, String callback, Map<String, String> params) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>Submit This Form</title></head>"
                + "<body><form method=\"post\" action=\"").append(escape(callback)).append("\">");
        params.forEach((name, value) -> {
            if (value != null) {
                page.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                        .append(escape(value)).append("\"/>");
            }
        });
        page.append("<noscript><button type=\"submit\">Continue</button></noscript></form><script nonce=\"")
                .append(nonce).append("\">document.forms[0].submit();</script></body></html>");
        String origin = TenantHttp.origin(callback).orElse("'none'");
        ctx.response().setStatusCode(200)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
                        + "'; form-action " + origin + "; frame-ancestors 'none'; base-uri 'none'")
                .end(page.toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
