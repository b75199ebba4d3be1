package dev.selfservice.portal.auth0;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user export job as Auth0 answers it: {@code pending}, {@code processing}, then {@code completed} with a
 * {@code location} to download the gzipped file from, or {@code failed}. The location is a signed URL: never logged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record UsersExportJob(String id, String status, String location) {

    public boolean completed() {
        return "completed".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status) || "cancelled".equals(status);
    }

    @Override
    public String toString() {
        return "UsersExportJob[id=" + id + ", status=" + status + "]";
    }
}
