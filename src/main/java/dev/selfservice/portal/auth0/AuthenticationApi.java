package dev.selfservice.portal.auth0;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Auth0's Authentication API, as the portal calls it; used only through {@link Auth0Authentication}. */
@RegisterRestClient(configKey = "auth0-authentication")
@RegisterProvider(Auth0ErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
interface AuthenticationApi {

    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Auth0Dto.TokenResponse token(MultivaluedMap<String, String> form,
            @HeaderParam("auth0-forwarded-for") String endUserIp);

    @POST
    @Path("/passwordless/start")
    @Consumes(MediaType.APPLICATION_JSON)
    Auth0Dto.PasswordlessStarted passwordlessStart(Auth0Dto.PasswordlessStart request);

    @GET
    @Path("/.well-known/openid-configuration")
    Auth0Dto.Discovery discovery();
}
