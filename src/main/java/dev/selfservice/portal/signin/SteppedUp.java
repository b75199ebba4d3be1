package dev.selfservice.portal.signin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A resource method that acts only for a session that entered the AD password again (a {@link StepUp}) within
 * {@code portal.enrolment.recent-sign-in}: a recent sign-in is not enough, since a copy of its cookie would be too.
 * Without it the method does not run, and the employee gets the "sign in again" page (401), whose form comes back to
 * {@link #then()}. Enforced by {@link SteppedUpInterceptor}; the method must be on an {@code @Authenticated} resource
 * and answer a {@code Response}. An action that must first judge what was typed, so that a refusal comes before the
 * password is asked for, asks {@link StepUpGate} itself instead (adding a recovery contact).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface SteppedUp {

    /**
     * The local path the "sign in again" form returns to once the password was entered, for a form's post; a page
     * asked for by GET returns to itself.
     */
    @Nonbinding
    String then();
}
