package dev.selfservice.portal.auth0;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One identity in a user's {@code identities[]}: the provider, its {@code user_id} without the provider prefix
 * (Auth0 sends a string, sometimes a number), and for a linked secondary its {@code profileData}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record Auth0Identity(String provider, @JsonProperty("user_id") Object rawUserId, String connection,
        Map<String, Object> profileData) {

    public String userId() {
        return String.valueOf(rawUserId);
    }

    /** The Auth0 user id the identity has as a user of its own: {@code provider|user_id}. */
    public String fullUserId() {
        return provider + "|" + userId();
    }

    public Map<String, Object> profileData() {
        return profileData == null ? Map.of() : profileData;
    }
}
