package dev.selfservice.localtenant;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** One grant of {@code POST /oauth/token}, for a client already authenticated and allowed to use it. */
interface GrantType {

    /** The {@code grant_type} value. */
    String name();

    void exchange(RoutingContext ctx, TenantClient client, MultiMap params);
}
