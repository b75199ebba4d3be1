package dev.selfservice.localtenant;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the local tenant, the Auth0-compatible server that replaces Auth0 in dev mode and tests. Every setting
 * has a default, so that {@code ./mvnw quarkus:dev} needs none.
 */
@ConfigMapping(prefix = "local-tenant")
public interface LocalTenantConfig {

    /** Whether the local tenant starts at all (dev and test builds only; a production build has no local tenant). */
    @WithDefault("true")
    boolean enabled();

    /** The port it listens on, at the root: the portal's "Auth0 domain" is {@code localhost:<port>}. */
    @WithDefault("8180")
    int port();

    /**
     * The port of its SMTP server (loopback only, no TLS, any login accepted), where the portal's notices arrive and
     * are shown in the outbox beside the codes, as a real mail provider would receive them.
     */
    @WithDefault("2525")
    int smtpPort();

    /** The host name in its issuer and URLs. It always listens on the loopback address only. */
    @WithDefault("localhost")
    String host();

    /**
     * The identifiers of the APIs defined in the tenant (Applications > APIs), besides the Management API. Auth0
     * refuses any other {@code audience} ("Service not found"), so a wrong {@code AUDIENCE} fails here as it would
     * in production. None by default: the portal asks for no API of its own.
     */
    java.util.Optional<List<String>> apis();

    /** The name of the AD connection, as the connection name in an Auth0 tenant. */
    @WithDefault("corp-ad")
    String adConnection();

    WebClient webClient();

    LoginPage loginPage();

    /** The page around the login prompt, as the company's tenant has it (Universal Login page template). */
    interface LoginPage {
        /**
         * The Liquid page template, the same file a real tenant is given ({@code deploy/auth0/universal-login.liquid},
         * relative to where dev mode and the tests run); without the file, Auth0's default page (the prompt alone).
         */
        @WithDefault("deploy/auth0/universal-login.liquid")
        String template();

        /** What stands for {@code PORTAL_BASE_URL} in it, as the install script puts the portal's public address there. */
        @WithDefault("http://localhost:8080")
        String portalUrl();
    }

    M2mClient m2mClient();

    Actions actions();

    /**
     * The tenant's Actions, as bound in the dashboard (Actions > Triggers): their own JavaScript files, run with
     * GraalJS as Auth0's runtime runs them. None by default, so that a login goes as it always did.
     */
    interface Actions {
        /**
         * The post-login Actions, in the order they run: paths of {@code .js} files (relative to where dev mode and
         * the tests run), e.g. {@code deploy/auth0/actions/enrolment-nudge.js}. A file that is missing or does not
         * parse stops the start, as Auth0 refuses to deploy it.
         */
        Optional<List<String>> postLogin();

        /** The Actions' secrets, {@code event.secrets.NAME} ({@code local-tenant.actions.secrets.NAME=value}). */
        java.util.Map<String, String> secrets();
    }

    OtpClient otpClient();

    /**
     * The application for one-time codes: a Regular Web Application with only the Passwordless OTP grant and only the
     * {@code email} and {@code sms} connections, as the portal's README asks of a real tenant.
     */
    interface OtpClient {
        @WithDefault("portal-otp-dev")
        String id();

        @WithDefault("portal-otp-dev-secret")
        String secret();
    }

    DirectorySettings directory();

    /** Auth0's brute-force protection: consecutive failed logins for one username from one IP that block the pair. */
    @WithDefault("10")
    int bruteForceThreshold();

    /**
     * The connector's {@code AUTO_UNLOCK_ON_PASSWORD_CHANGE}: a password set through the Management API also clears
     * the AD lockout in the same change.
     */
    @WithDefault("true")
    boolean autoUnlockOnPasswordChange();

    /** Management API requests per second (for the whole tenant) above which it answers 429, as Auth0 does. */
    @WithDefault("50")
    int managementRateLimit();

    /** The machine-to-machine application authorised for the Management API. */
    interface M2mClient {
        @WithDefault("portal-m2m-dev")
        String id();

        @WithDefault("portal-m2m-dev-secret")
        String secret();

        /** The Management API scopes granted to it. */
        @WithDefault("read:users,update:users,delete:users,read:connections")
        List<String> scopes();
    }

    /** The portal's web client (a Regular Web Application in Auth0 terms). */
    interface WebClient {
        @WithDefault("portal-dev")
        String id();

        @WithDefault("portal-dev-secret")
        String secret();

        /** Allowed callback URLs. */
        @WithDefault("http://localhost:8080/callback")
        List<String> callbacks();

        /**
         * Passwordless connections also enabled for the web client. None, as the portal's README asks of a real
         * tenant; a test enables one to show what that misconfiguration would open.
         */
        Optional<List<String>> extraConnections();

        /** Allowed logout URLs ({@code returnTo} of {@code /v2/logout}). */
        @WithDefault("http://localhost:8080/,http://localhost:8080/password/changed")
        List<String> logoutUrls();
    }

    /** The domain policy of the in-memory AD model. */
    interface DirectorySettings {
        @WithDefault("8")
        int minPasswordLength();

        @WithDefault("true")
        boolean complexity();

        @WithDefault("5")
        int historyLength();

        @WithDefault("42D")
        Duration maxPasswordAge();

        @WithDefault("5")
        int lockoutThreshold();

        /** How long a lockout lasts; zero locks until an administrator (or a reset with auto-unlock) unlocks. */
        @WithDefault("30M")
        Duration lockoutDuration();

        /** The demo users' password. */
        @WithDefault("Start-Passw0rd!")
        String demoPassword();

        /**
         * Plain employees {@code employee001} to {@code employeeNNN} besides the demo users, with the demo password,
         * for load (the benchmark plays one employee per concurrent flow). In-memory model only.
         */
        @WithDefault("0")
        int generatedUsers();

        /** A real AD over LDAPS instead of the in-memory model, when its URL is set. */
        Optional<Ldap> ldap();
    }

    /** A real Active Directory (for example the test Samba DC of {@code .ci/samba-dc.sh}). */
    interface Ldap {
        /** {@code ldaps://host:636}, or {@code ldap://host:389} for StartTLS. */
        String url();

        /** The service account, as a DN or {@code user@domain}. */
        String bindDn();

        String bindPassword();

        /** Where users are searched. */
        String baseDn();

        /** PEM file of the CA that signed the domain controller's certificate; the JVM's trust store otherwise. */
        Optional<String> caFile();

        // no @WithDefault in this group: SmallRye would then take the group as always present (defaults in code)

        /** The connector's {@code LDAP_USER_BY_NAME}; {@code (sAMAccountName={0})} when not set. */
        Optional<String> userFilter();

        /** 5 seconds when not set. */
        Optional<Duration> connectTimeout();

        /** 10 seconds when not set. */
        Optional<Duration> responseTimeout();

        /** 4 when not set. */
        Optional<Integer> poolSize();
    }
}
