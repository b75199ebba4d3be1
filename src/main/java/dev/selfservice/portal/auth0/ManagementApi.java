package dev.selfservice.portal.auth0;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Auth0's Management API v2, the calls the portal makes; used only through {@link Auth0Management}. The bearer token
 * is added by {@link ManagementTokenFilter}.
 */
@RegisterRestClient(configKey = "auth0-management")
@RegisterProvider(Auth0ErrorMapper.class)
@RegisterProvider(ManagementTokenFilter.class)
@RegisterProvider(ManagementRateBudget.class)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
interface ManagementApi {

    @GET
    @Path("/users/{id}")
    Auth0User user(@PathParam("id") String userId);

    @GET
    @Path("/users")
    List<Auth0User> search(@jakarta.ws.rs.QueryParam("q") String query,
            @jakarta.ws.rs.QueryParam("search_engine") String searchEngine);

    @PATCH
    @Path("/users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Auth0User setPassword(@PathParam("id") String userId, Auth0Dto.PasswordUpdate update);

    @PATCH
    @Path("/users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Auth0User update(@PathParam("id") String userId, Auth0Dto.UserUpdate update);

    @DELETE
    @Path("/users/{id}")
    void delete(@PathParam("id") String userId);

    @GET
    @Path("/user-blocks/{id}")
    Auth0Dto.UserBlocks userBlocks(@PathParam("id") String userId);

    @DELETE
    @Path("/user-blocks/{id}")
    void clearUserBlocks(@PathParam("id") String userId);

    @POST
    @Path("/users/{id}/identities")
    @Consumes(MediaType.APPLICATION_JSON)
    List<Auth0Identity> link(@PathParam("id") String primaryUserId, Auth0Dto.LinkRequest link);

    @DELETE
    @Path("/users/{id}/identities/{provider}/{identityUserId}")
    List<Auth0Identity> unlink(@PathParam("id") String primaryUserId, @PathParam("provider") String provider,
            @PathParam("identityUserId") String identityUserId);

    @POST
    @Path("/jobs/users-exports")
    @Consumes(MediaType.APPLICATION_JSON)
    UsersExportJob startUsersExport(Auth0Dto.UsersExport export);

    @GET
    @Path("/jobs/{id}")
    UsersExportJob job(@PathParam("id") String jobId);

    @GET
    @Path("/connections")
    List<Auth0Dto.Connection> connections(@jakarta.ws.rs.QueryParam("strategy") List<String> strategies);

    @GET
    @Path("/connections/{id}/clients")
    Auth0Dto.EnabledClients enabledClients(@PathParam("id") String connectionId,
            @jakarta.ws.rs.QueryParam("take") int take, @jakarta.ws.rs.QueryParam("from") String from);

    @GET
    @Path("/connections/{id}/status")
    void connectionStatus(@PathParam("id") String connectionId);
}
