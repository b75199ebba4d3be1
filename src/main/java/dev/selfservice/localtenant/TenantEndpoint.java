package dev.selfservice.localtenant;

import io.vertx.ext.web.Router;

/** A group of the tenant's routes, mounted at the root of its port as Auth0 serves them at the root of its domain. */
interface TenantEndpoint {
    void register(Router router);
}
