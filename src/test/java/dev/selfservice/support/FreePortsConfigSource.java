package dev.selfservice.support;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the tests free ports for the portal and the local tenant, chosen once per test JVM, so that a test run does
 * not collide with a portal running in dev mode (8080/8180) or with another build on the same machine.
 */
public class FreePortsConfigSource implements ConfigSource {

    private static final Map<String, String> PORTS = Map.of(
            "quarkus.http.test-port", String.valueOf(FreePorts.listenable()),
            "local-tenant.port", String.valueOf(FreePorts.listenable()),
            "local-tenant.smtp-port", String.valueOf(FreePorts.listenable()));

    @Override
    public Map<String, String> getProperties() {
        return PORTS;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PORTS.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PORTS.get(propertyName);
    }

    @Override
    public String getName() {
        return "free-test-ports";
    }

    @Override
    public int getOrdinal() {
        // above application.properties (250), below system properties (400)
        return 275;
    }
}
