package dev.selfservice.localtenant;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** The applications of the local tenant, from configuration. */
@ApplicationScoped
public class ClientRegistry {

    public static final String AUTHORIZATION_CODE = "authorization_code";

    private final Map<String, TenantClient> clients;

    public ClientRegistry(LocalTenantConfig config) {
        LocalTenantConfig.WebClient web = config.webClient();
        TenantClient portal = new TenantClient(web.id(), web.secret(), web.callbacks(), web.logoutUrls(),
                Set.of(AUTHORIZATION_CODE));
        this.clients = Map.of(portal.clientId(), portal);
    }

    public Optional<TenantClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
