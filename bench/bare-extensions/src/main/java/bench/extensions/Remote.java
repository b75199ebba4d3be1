package bench.extensions;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** A REST client behind the OIDC client filter and a retry, as the portal's Auth0 clients are; never called. */
@RegisterRestClient(configKey = "remote")
@OidcClientFilter
public interface Remote {
    @GET
    @Path("/x")
    @Retry(maxRetries = 1)
    String x();
}
