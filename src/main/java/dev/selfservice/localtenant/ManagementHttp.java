package dev.selfservice.localtenant;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.ext.web.RoutingContext;

/** The Management API's error envelope, {@code {"statusCode","error","message","errorCode"}}. */
final class ManagementHttp {

    private ManagementHttp() {
    }

    static void error(RoutingContext ctx, ManagementError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", e.status);
        body.put("error", e.reason());
        body.put("message", e.getMessage());
        if (e.errorCode != null) {
            body.put("errorCode", e.errorCode);
        }
        TenantHttp.json(ctx, e.status, body);
    }
}
