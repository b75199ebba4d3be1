package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.jboss.logging.Logger;

/**
 * The tenant's log of authentication events, in the spirit of Auth0's tenant logs (event type codes such as
 * {@code s}, {@code fp}, {@code limit_wc}). It names users and addresses, masked where they are personal, and never a
 * password or a code.
 */
final class TenantLog {

    private static final Logger LOG = Logger.getLogger("dev.selfservice.localtenant.events");
    /** The newest events, for tests that count what reached the tenant (test-controls/events); bounded. */
    private static final Deque<Map<String, String>> RECENT = new ConcurrentLinkedDeque<>();
    private static final int KEEP = 10_000;

    private static void keep(String... fields) {
        Map<String, String> event = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            event.put(fields[i], fields[i + 1]);
        }
        RECENT.addLast(event);
        while (RECENT.size() > KEEP) {
            RECENT.pollFirst();
        }
    }

    static List<Map<String, String>> recent() {
        return new ArrayList<>(RECENT);
    }

    static void forget() {
        RECENT.clear();
    }

    private TenantLog() {
    }

    /** {@code s}: successful login; {@code fp}: wrong password; {@code f}: other failed login. */
    static void login(String type, String connection, String user, String ip, String description) {
        LOG.infof("type=%s connection=%s user=%s ip=%s description=\"%s\"", type, connection, clean(user), clean(ip),
                description);
        keep("type", type, "connection", connection, "user", clean(user), "description", description);
    }

    /** {@code f}: a login failed in a post-login Action (it threw, or denied access); the Action's own words. */
    static void actionFailed(String user, String description) {
        LOG.infof("type=f user=%s description=\"%s\"", clean(user), clean(description));
        keep("type", "f", "user", clean(user), "description", clean(description));
    }

    /** {@code limit_wc}: an identifier and IP blocked by brute-force protection. */
    static void blocked(String user, String ip) {
        LOG.infof("type=limit_wc user=%s ip=%s description=\"blocked after too many failed logins\"", clean(user),
                clean(ip));
        keep("type", "limit_wc", "user", clean(user));
    }

    /** {@code cs}: a passwordless code sent; {@code fco}/{@code sco}: a code exchange failed or succeeded. */
    static void code(String type, String connection, String address, String description) {
        LOG.infof("type=%s connection=%s to=%s description=\"%s\"", type, connection, clean(mask(address)), description);
        keep("type", type, "connection", connection, "to", clean(mask(address)), "description", description);
    }

    /** {@code seccft}: a client exchanged its credentials for an access token. */
    static void clientCredentials(String clientId, String scope) {
        LOG.infof("type=seccft client=%s scope=\"%s\"", clean(clientId), scope);
        keep("type", "seccft", "client", clean(clientId));
    }

    /** {@code sapi}: a Management API operation that changed a user. */
    static void management(String operation, String userId, String description) {
        LOG.infof("type=sapi operation=%s user=%s description=\"%s\"", operation, userId, description);
        keep("type", "sapi", "operation", operation, "user", userId, "description", description);
    }

    /** What a caller typed, bounded and without control characters, so that it cannot forge log lines. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String bounded = value.length() > 128 ? value.substring(0, 128) + "\u2026" : value;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }

    /** {@code j•••@example.com}, {@code +1•••••••0123}: enough to tell messages apart, not to collect addresses. */
    static String mask(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "\u2022\u2022\u2022" + address.substring(at);
        }
        int keep = Math.min(4, address.length());
        return address.substring(0, Math.min(2, address.length())) + "\u2022".repeat(Math.max(0, address.length() - 2 - keep))
                + address.substring(address.length() - keep);
    }
}
