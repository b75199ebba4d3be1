package dev.selfservice.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with the local tenant's AD connection on the test Samba DC instead of the in-memory model. */
public class OnSambaDc implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return SambaDc.tenantConfig();
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
