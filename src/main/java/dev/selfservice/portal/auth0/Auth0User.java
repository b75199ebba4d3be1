package dev.selfservice.portal.auth0;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A user as the Management API returns it: the fields the portal reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record Auth0User(@JsonProperty("user_id") String userId, String email, String name, String nickname,
        Boolean blocked, List<Auth0Identity> identities, @JsonProperty("app_metadata") Map<String, Object> appMetadata,
        List<String> groups, @JsonProperty("updated_at") String updatedAt, @JsonProperty("last_login") String lastLogin) {

    public List<String> groups() {
        return groups == null ? List.of() : groups;
    }

    public List<Auth0Identity> identities() {
        return identities == null ? List.of() : identities;
    }

    public Map<String, Object> appMetadata() {
        return appMetadata == null ? Map.of() : appMetadata;
    }

    public boolean isBlocked() {
        return Boolean.TRUE.equals(blocked);
    }
}
