package dev.selfservice.portal.auth0;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The shapes of Auth0's answers and requests that the portal reads and sends (unknown fields are ignored). */
@RegisterForReflection
final class Auth0Dto {

    private Auth0Dto() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("id_token") String idToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope) {

        @Override
        public String toString() {
            return "TokenResponse[expires_in=" + expiresIn + "]";
        }
    }

    /** The discovery document's endpoints that sign-ins use: the self-check compares them with the portal's settings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record Discovery(String issuer, @JsonProperty("authorization_endpoint") String authorizationEndpoint,
            @JsonProperty("token_endpoint") String tokenEndpoint, @JsonProperty("jwks_uri") String jwksUri) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    record PasswordlessStart(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret,
            String connection, String email, @JsonProperty("phone_number") String phoneNumber, String send) {

        @Override
        public String toString() {
            return "PasswordlessStart[" + connection + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record PasswordlessStarted(@JsonProperty("_id") String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    record LinkRequest(String provider, @JsonProperty("user_id") String userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record UserBlocks(@JsonProperty("blocked_for") java.util.List<Object> blockedFor) {
    }

    @RegisterForReflection
    record PasswordUpdate(String password) {

        @Override
        public String toString() {
            return "PasswordUpdate[password=***]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    record UserUpdate(@JsonProperty("app_metadata") Map<String, Object> appMetadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record Connection(String id, String name, String strategy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record EnabledClients(java.util.List<EnabledClient> clients, String next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    record EnabledClient(@JsonProperty("client_id") String clientId) {
    }

    @RegisterForReflection
    record UsersExport(@JsonProperty("connection_id") String connectionId, String format,
            java.util.List<ExportField> fields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    record ExportField(String name, @JsonProperty("export_as") String exportAs) {
    }
}
