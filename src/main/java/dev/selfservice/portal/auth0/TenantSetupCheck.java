package dev.selfservice.portal.auth0;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks, with the Management API, that the Auth0 tenant is set up as the portal needs, and names what is not:
 * the machine-to-machine token carries exactly the portal's scopes; the AD connection exists, is enabled for the web
 * application and its connector is online (the connector writes passwords back); the passwordless connections exist,
 * are enabled for the application of one-time codes, and are <em>not</em> enabled for the web application (which
 * would let a code sign in where an AD password is expected). No peer checks this; each finding is what an
 * administrator fixes in the dashboard.
 * <p>
 * It looks at start and then every {@code portal.self-check.every}, never per probe: Auth0's Management API limits
 * are low and Kubernetes probes every few seconds on every replica. Findings are logged when they change, so a
 * replica logs a misconfiguration once, not every ten minutes.
 * <p>
 * Whether the connector's write-back ({@code ENABLE_WRITE_BACK}) is on is a setting of the connector host that
 * Auth0's Management API does not expose; the check can only see that a connector is online. The first password set
 * through the portal shows it (a refusal is logged and shown to the employee as the directory's).
 */
@ApplicationScoped
public class TenantSetupCheck {

    /** The Management API scopes the portal's calls need, and no more. */
    static final Set<String> NEEDED_SCOPES = Set.of("read:users", "update:users", "delete:users", "read:connections");

    private static final Logger LOG = Logger.getLogger(TenantSetupCheck.class);

    /**
     * What one look found. Problems are a setup the portal cannot work with (TenantSetupHealth says when they keep
     * a replica out); warnings are conditions of the moment that every replica shares (the connector offline);
     * unchecked are the parts Auth0 did not answer, which say nothing about the setup.
     */
    public record Report(Instant checkedAt, List<String> problems, List<String> warnings, List<String> unchecked) {

        public boolean ready() {
            return problems.isEmpty();
        }

        List<String> findings() {
            List<String> all = new ArrayList<>();
            problems.forEach(p -> all.add("problem: " + p));
            warnings.forEach(w -> all.add("warning: " + w));
            unchecked.forEach(u -> all.add("unchecked: " + u));
            return all;
        }
    }

    private final Auth0Management management;
    private final Auth0Authentication authentication;
    /** Where the portal's sign-ins go and whose tokens they take, as configured (quarkus.oidc, without discovery). */
    private final Auth0Dto.Discovery expected;
    private final PortalConfig.Auth0 auth0;
    private final Clock clock;
    private final java.time.Duration every;
    private final java.time.Duration retry;
    private volatile Report last;
    private volatile boolean foundRightOnce;
    /** What the last answered look said of the passwordless connections reachable from the web application. */
    private final java.util.concurrent.ConcurrentMap<String, Boolean> passwordlessOnTheWebApplication =
            new java.util.concurrent.ConcurrentHashMap<>();

    TenantSetupCheck(Auth0Management management, Auth0Authentication authentication, PortalConfig config, Clock clock,
            io.micrometer.core.instrument.MeterRegistry metrics, org.eclipse.microprofile.config.Config settings) {
        this.management = management;
        this.authentication = authentication;
        String server = settings.getValue("quarkus.oidc.auth-server-url", String.class);
        this.expected = new Auth0Dto.Discovery(settings.getValue("quarkus.oidc.token.issuer", String.class),
                server + settings.getValue("quarkus.oidc.authorization-path", String.class),
                server + settings.getValue("quarkus.oidc.token-path", String.class),
                server + settings.getValue("quarkus.oidc.jwks-path", String.class));
        // -1 until the first look: an alert on "> 0" fires for a tenant changed under running replicas
        metrics.gauge("portal.tenant.setup.problems", this, c -> c.last().map(r -> r.problems().size()).orElse(-1));
        this.auth0 = config.auth0();
        this.clock = clock;
        this.every = config.selfCheck().every();
        this.retry = config.selfCheck().retry();
    }

    /**
     * Whether any look of this replica asked everything and found no problem: from then on, problems no longer take it
     * out.
     */
    public boolean foundRightOnce() {
        return foundRightOnce;
    }

    /**
     * Whether sign-ins must be refused: a look found a passwordless connection enabled for the web application, and no
     * later answered look found it disabled. Auth0's ID token does not name the connection a sign-in used: a linked
     * contact's code signs in as the AD account it is linked to ({@code sub} {@code ad|...}), so the subject alone
     * cannot tell a code from a password, and only the web application's connections can. A look that went unanswered
     * changes nothing.
     */
    public boolean refusesSignIns() {
        return passwordlessOnTheWebApplication.containsValue(Boolean.TRUE);
    }

    /** The last look's findings; empty until the first look at start has finished. */
    public Optional<Report> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Looks when a look is due: at start, every {@code every}, and after {@code retry} while a part went unanswered
     * (Auth0 busy, or at start the local tenant not yet listening). The tick itself asks nothing.
     */
    @Scheduled(identity = "tenant-self-check", every = "${portal.self-check.retry}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Report report = last;
        Instant now = clock.instant();
        if (report == null || !now.isBefore(report.checkedAt().plus(report.unchecked().isEmpty() ? every : retry))) {
            check();
        }
    }

    /** Looks at the tenant now, keeps and answers what it found, and logs it if it differs from the last look. */
    public synchronized Report check() {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        ask(unchecked, "the discovery document", authentication::discovery, problems)
                .ifPresent(found -> checkSignInEndpoints(found, problems));
        Optional<Set<String>> scopes = ask(unchecked, "the management token", management::grantedScopes, problems);
        scopes.ifPresent(granted -> checkScopes(granted, problems));
        // without a token nothing else can be asked
        Optional<Map<String, Auth0Dto.Connection>> found = scopes.isEmpty() ? Optional.empty() : ask(unchecked, "the connections",
                () -> management.connections(List.of("ad", "email", "sms")).stream()
                        .collect(Collectors.toMap(Auth0Dto.Connection::name, c -> c, (a, b) -> a)), problems);
        found.ifPresent(connections -> {
            checkAdConnection(connections.get(auth0.adConnection()), problems, warnings, unchecked);
            for (PasswordlessChannel channel : PasswordlessChannel.values()) {
                checkPasswordless(channel.connection(), connections.get(channel.connection()), problems, unchecked);
            }
        });
        Report report = new Report(clock.instant(), List.copyOf(problems), List.copyOf(warnings), List.copyOf(unchecked));
        Report before = last;
        last = report;
        // a look that could not ask everything found nothing right: at start Auth0 (or the local tenant) may not answer
        foundRightOnce |= report.ready() && report.unchecked().isEmpty();
        if (before == null || !before.findings().equals(report.findings())) {
            log(report);
        }
        return report;
    }

    /**
     * The portal does not read the discovery document at start (that cost a third of its start, and sign-ins need only
     * these four fixed Auth0 addresses): this look, beside the start and every {@code every}, is where a tenant that
     * names other ones is found, most often one that issues its tokens under a custom domain while {@code DOMAIN}
     * names the canonical one. quarkus-oidc checks each token's issuer against the configured one all the same.
     */
    private void checkSignInEndpoints(Auth0Dto.Discovery found, List<String> problems) {
        compare("issuer", expected.issuer(), found.issuer(), problems);
        compare("authorization endpoint", expected.authorizationEndpoint(), found.authorizationEndpoint(), problems);
        compare("token endpoint", expected.tokenEndpoint(), found.tokenEndpoint(), problems);
        compare("key set (jwks_uri)", expected.jwksUri(), found.jwksUri(), problems);
    }

    private static void compare(String what, String expected, String found, List<String> problems) {
        if (!expected.equals(found)) {
            problems.add("the tenant's discovery document names " + found + " as its " + what + ", where the portal uses "
                    + expected + ": set DOMAIN to the domain the tenant issues its tokens under (its custom domain, if it"
                    + " has one)");
        }
    }

    private static void checkScopes(Set<String> granted, List<String> problems) {
        Set<String> missing = new TreeSet<>(NEEDED_SCOPES);
        missing.removeAll(granted);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(NEEDED_SCOPES);
        if (!missing.isEmpty()) {
            problems.add("the management application's token lacks the scopes " + String.join(", ", missing)
                    + " (Applications > APIs > Auth0 Management API > Machine to Machine Applications)");
        }
        if (!extra.isEmpty()) {
            problems.add("the management application's token has scopes the portal does not need: "
                    + String.join(", ", extra) + " (grant only " + String.join(", ", new TreeSet<>(NEEDED_SCOPES)) + ")");
        }
    }

    private void checkAdConnection(Auth0Dto.Connection ad, List<String> problems, List<String> warnings,
            List<String> unchecked) {
        String name = auth0.adConnection();
        if (ad == null || !"ad".equals(ad.strategy())) {
            problems.add("the AD connection '" + name + "' (AD_CONNECTION) does not exist as an AD/LDAP connection");
            return;
        }
        ask(unchecked, "the applications of '" + name + "'", () -> management.enabledClients(ad.id()), problems)
                .ifPresent(clients -> {
                    if (!clients.contains(auth0.clientId())) {
                        problems.add("the AD connection '" + name + "' is not enabled for the web application (CLIENT_ID)");
                    }
                });
        ask(unchecked, "the connector of '" + name + "'", () -> management.connectorOnline(ad.id()), problems)
                .filter(online -> !online)
                .ifPresent(offline -> warnings.add("the AD connector of '" + name
                        + "' is offline: sign-ins may still work from Auth0's cache, but no password reaches AD"));
    }

    private void checkPasswordless(String name, Auth0Dto.Connection connection, List<String> problems,
            List<String> unchecked) {
        if (connection == null) {
            passwordlessOnTheWebApplication.put(name, false);
            problems.add("the passwordless connection '" + name + "' does not exist");
            return;
        }
        ask(unchecked, "the applications of '" + name + "'", () -> management.enabledClients(connection.id()), problems)
                .ifPresent(clients -> {
                    if (!clients.contains(auth0.otpClientId())) {
                        problems.add("the passwordless connection '" + name
                                + "' is not enabled for the application of one-time codes (OTP_CLIENT_ID)");
                    }
                    passwordlessOnTheWebApplication.put(name, clients.contains(auth0.clientId()));
                    if (clients.contains(auth0.clientId())) {
                        problems.add("the passwordless connection '" + name
                                + "' is enabled for the web application (CLIENT_ID): a one-time code must never sign in there");
                    }
                });
    }

    /**
     * One question to Auth0. A refusal is a finding about the setup (a scope missing for this call, a client the
     * token endpoint refuses); no answer is only "unchecked".
     */
    private <T> Optional<T> ask(List<String> unchecked, String what, Supplier<T> question, List<String> problems) {
        try {
            return Optional.ofNullable(question.get());
        } catch (Auth0Exception.Refused e) {
            problems.add("Auth0 refused to answer about " + what + ": " + e.status() + " " + e.error());
        } catch (Auth0Exception e) {
            unchecked.add(what + " (" + (e.status() == Auth0Exception.NO_STATUS ? "no answer" : "HTTP " + e.status())
                    + ")");
        }
        return Optional.empty();
    }

    private static void log(Report report) {
        if (report.findings().isEmpty()) {
            LOG.info("tenant self-check: the Auth0 tenant is set up as the portal needs");
            return;
        }
        report.problems().forEach(p -> LOG.errorf("tenant self-check: %s", p));
        report.warnings().forEach(w -> LOG.warnf("tenant self-check: %s", w));
        report.unchecked().forEach(u -> LOG.warnf("tenant self-check: could not check %s", u));
    }
}
