package dev.selfservice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Each test of the class starts from a clean slate: the whole local tenant back to its start and the portal's state
 * store emptied and its clock put back ({@link TenantApi#reset}), before any {@code @BeforeEach} of the class runs.
 * The tests then use {@link TenantApi} for the tenant's controls and outbox and {@link PortalSteps} to sign in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CleanSlate {
}
