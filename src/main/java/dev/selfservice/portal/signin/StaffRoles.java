package dev.selfservice.portal.signin;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a signed-in employee the {@link #HELPDESK} and {@link #REPORTS} roles from their AD groups, on every request.
 * <p>
 * The groups are read from the Auth0 user (the AD connector writes them into the profile at each AD sign-in; ID
 * tokens carry them only through an Action adding a custom claim, which would tie the roles to the token for the
 * whole session). Read per request, briefly cached ({@link StaffSettings#rolesFreshFor()}), a person taken out of a
 * group loses the role without signing out, at the cost of one Management API read per staff person per half minute.
 * An Auth0 failure gives no role: closed, not open.
 */
@ApplicationScoped
public class StaffRoles implements SecurityIdentityAugmentor {

    public static final String HELPDESK = "helpdesk";
    public static final String REPORTS = "reports";

    private static final Logger LOG = Logger.getLogger(StaffRoles.class);

    private final Auth0Management management;
    private final StaffSettings settings;
    private final String adUserPrefix;
    private final Cache<String, Set<String>> fresh;

    public StaffRoles(Auth0Management management, StaffSettings settings, PortalConfig config) {
        this.management = management;
        this.settings = settings;
        this.adUserPrefix = CurrentEmployee.adUserPrefix(config.auth0().adConnection());
        this.fresh = Caffeine.newBuilder().expireAfterWrite(settings.rolesFreshFor()).maximumSize(10_000).build();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Optional<String> subject = adSubject(identity);
        if (subject.isEmpty() || !anyStaffGroups()) {
            return Uni.createFrom().item(identity);
        }
        // the read blocks: off the event loop
        return context.runBlocking(() -> {
            Set<String> roles = roles(subject.get());
            return roles.isEmpty() ? identity : QuarkusSecurityIdentity.builder(identity).addRoles(roles).build();
        });
    }

    private Optional<String> adSubject(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        String subject = token.getSubject();
        return subject != null && subject.startsWith(adUserPrefix) ? Optional.of(subject) : Optional.empty();
    }

    private boolean anyStaffGroups() {
        return !settings.helpdeskGroups().orElse(List.of()).isEmpty()
                || !settings.reportGroups().orElse(List.of()).isEmpty();
    }

    private Set<String> roles(String userId) {
        Set<String> cached = fresh.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        List<String> groups;
        try {
            groups = management.user(userId).groups();
        } catch (Auth0Exception e) {
            LOG.warnf("staff roles: the groups of %s could not be read (%s): no role this request", userId, e.error());
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        if (settings.helpdeskIn(groups)) {
            roles.add(HELPDESK);
        }
        if (settings.reportsIn(groups)) {
            roles.add(REPORTS);
        }
        fresh.put(userId, Set.copyOf(roles));
        return roles;
    }
}
