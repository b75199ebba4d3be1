package dev.selfservice.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Carries out {@link CleanSlate} for Quarkus tests. A Quarkus callback rather than a JUnit extension, because it runs
 * in the application's class loader, where the portal's beans (state store, clock) are the ones under test.
 */
public class CleanSlateCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        for (Class<?> c = context.getTestInstance().getClass(); c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(CleanSlate.class)) {
                TenantApi.reset();
                return;
            }
        }
    }
}
