package dev.selfservice.localtenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.localtenant.directory.DirectoryEntry;

/**
 * The tenant's user store, with Auth0's semantics. An AD user's attributes come from the directory (the local tenant
 * treats every directory user as known to Auth0, as after a first sign-in; a real tenant learns of an AD user when the
 * connector first returns the profile). Passwordless users are created by their first successful one-time code, as
 * Auth0's sign-up does. A linked secondary identity is no longer a user of its own: it appears in its primary's
 * {@code identities[]} with {@code profileData}, and reappears as a standalone user when unlinked.
 */
@ApplicationScoped
class TenantUsers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private final AdConnection ad;
    private final Clock clock;
    private final Map<String, UserRecord> records = new LinkedHashMap<>();

    public TenantUsers(AdConnection ad, TenantClock clock) {
        this.ad = ad;
        this.clock = clock;
        seed();
    }

    /**
     * The demo state Auth0 adds to the directory's: grace is blocked by a tenant administrator; bob has enrolled a
     * personal email address and erin a phone number, so that recovery can be tried at once.
     */
    private void seed() {
        ad.directory().find("grace").ifPresent(grace -> adRecord(grace).blocked = true);
        ad.directory().find("bob").ifPresent(bob -> linkDemoContact(adRecord(bob), PasswordlessConnection.EMAIL,
                "bob.personal@example.com"));
        ad.directory().find("erin").ifPresent(erin -> linkDemoContact(adRecord(erin), PasswordlessConnection.SMS,
                "+14155550142"));
    }

    private void linkDemoContact(UserRecord primary, String connection, String address) {
        UserRecord contact = new UserRecord(connection + "|" + newPasswordlessId(), connection, connection, address, now());
        records.put(contact.userId, contact);
        contact.linkedTo = primary.userId;
        primary.secondaries.add(contact.userId);
    }

    /** Links a contact to an AD user directly, as if enrolled long ago: for tests of a large, partly enrolled domain. */
    public synchronized void linkContact(DirectoryEntry entry, String connection, String address) {
        linkDemoContact(adRecord(entry), connection, PasswordlessConnection.normalise(connection, address));
    }

    public synchronized void reset() {
        records.clear();
        seed();
    }

    // ---- lookups ----

    /** The user as the Management API returns it; empty for an unknown user or a linked secondary identity. */
    public synchronized Optional<Map<String, Object>> profile(String userId) {
        return standalone(userId).map(this::profile);
    }

    public synchronized boolean isBlocked(String userId) {
        return record(userId).map(r -> r.blocked).orElse(false);
    }

    /** The user an identity signs in as: its primary when linked, else itself. */
    public synchronized String primaryOf(String userId) {
        return record(userId).map(r -> r.linkedTo).orElse(userId);
    }

    public synchronized Optional<DirectoryEntry> adEntry(String userId) {
        return ad.findByUserId(userId);
    }

    /** The passwordless user for an address, standalone or linked. */
    public synchronized Optional<String> findPasswordless(String connection, String address) {
        String normalised = PasswordlessConnection.normalise(connection, address);
        return records.values().stream().filter(r -> r.connection.equals(connection) && normalised.equals(r.address))
                .map(r -> r.userId).findFirst();
    }

    /** Auth0's passwordless sign-up: the user for the address, created with the given id if there is none yet. */
    public synchronized String signUpPasswordless(String connection, String address, String newId) {
        return findPasswordless(connection, address).orElseGet(() -> {
            UserRecord r = new UserRecord(connection + "|" + newId, connection, connection,
                    PasswordlessConnection.normalise(connection, address), now());
            records.put(r.userId, r);
            return r.userId;
        });
    }

    /** A new passwordless user id, 24 hexadecimal digits as Auth0's. */
    static String newPasswordlessId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public synchronized void recordLogin(String userId) {
        record(userId).ifPresent(r -> {
            r.lastLogin = now();
            r.loginsCount++;
        });
    }

    /** Every standalone user, AD users first. */
    public synchronized List<Map<String, Object>> all() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (DirectoryEntry entry : ad.directory().list()) {
            UserRecord r = adRecord(entry);
            if (r.linkedTo == null) {
                users.add(profile(r));
            }
        }
        records.values().stream().filter(r -> !"ad".equals(r.provider) && r.linkedTo == null)
                .forEach(r -> users.add(profile(r)));
        return users;
    }

    /**
     * Users whose email is exactly this one: Auth0 documents the match as exact and case-sensitive (it stores emails
     * lower-case where it is the identity provider, so a passwordless user is found by the lower-case address only;
     * an AD user's email keeps AD's case).
     */
    public synchronized List<Map<String, Object>> byEmail(String email) {
        return all().stream().filter(u -> email.equals(u.get("email"))).toList();
    }

    // ---- changes ----

    public synchronized Map<String, Object> update(String userId, Boolean blocked, Map<String, Object> appMetadata,
            Map<String, Object> userMetadata) {
        UserRecord r = standalone(userId).orElseThrow(ManagementError::notFound);
        if (blocked != null) {
            r.blocked = blocked;
        }
        mergeMetadata(r.appMetadata, appMetadata);
        mergeMetadata(r.userMetadata, userMetadata);
        r.updatedAt = now();
        return profile(r);
    }

    public synchronized void touch(String userId) {
        record(userId).ifPresent(r -> r.updatedAt = now());
    }

    /**
     * Auth0's merge of metadata: top-level keys replace, a null value removes the key, and an empty object removes
     * the metadata completely (manage-metadata-api), which a caller meaning "change nothing" must learn here.
     */
    private static void mergeMetadata(Map<String, Object> target, Map<String, Object> patch) {
        if (patch != null && patch.isEmpty()) {
            target.clear();
        } else if (patch != null) {
            patch.forEach((k, v) -> {
                if (v == null) {
                    target.remove(k);
                } else {
                    target.put(k, v);
                }
            });
        }
    }

    /**
     * Deletes the user from Auth0 (never from the directory) with its linked identities. An AD user comes back as a
     * new Auth0 user, as after the next sign-in. Deleting an unknown user succeeds, as in Auth0.
     */
    public synchronized void delete(String userId) {
        standalone(userId).ifPresent(r -> {
            r.secondaries.forEach(records::remove);
            records.remove(r.userId);
        });
    }

    /** Links {@code provider|identityUserId} to the primary; answers the primary's identities. */
    public synchronized List<Map<String, Object>> link(String primaryId, String provider, String identityUserId) {
        UserRecord primary = standalone(primaryId).orElseThrow(ManagementError::notFound);
        String secondaryId = provider + "|" + identityUserId;
        if (secondaryId.equals(primaryId)) {
            throw ManagementError.badRequest("Main identity and the new one are the same.", "invalid_body");
        }
        UserRecord secondary = record(secondaryId)
                .orElseThrow(() -> ManagementError.badRequest("The secondary user does not exist.", "inexistent_user"));
        if (secondary.linkedTo != null) {
            // Auth0 answers a conflict for an identity that already belongs to a user (unverified wording)
            throw new ManagementError(409, "The identity is already linked to another user.", "identity_conflict");
        }
        if (!secondary.secondaries.isEmpty()) {
            throw ManagementError.badRequest("The secondary user has linked identities of its own.", "invalid_body");
        }
        secondary.linkedTo = primary.userId;
        primary.secondaries.add(secondary.userId);
        primary.updatedAt = now();
        return identities(primary);
    }

    /** Unlinks a secondary identity, which becomes a standalone user again; answers the remaining identities. */
    public synchronized List<Map<String, Object>> unlink(String primaryId, String provider, String identityUserId) {
        UserRecord primary = standalone(primaryId).orElseThrow(ManagementError::notFound);
        String secondaryId = provider + "|" + identityUserId;
        if (secondaryId.equals(primaryId)) {
            throw ManagementError.badRequest("The main identity cannot be unlinked.", "invalid_body");
        }
        if (!primary.secondaries.remove(secondaryId)) {
            // the safer answer: an error, so that a caller never takes "nothing happened" for an unlink
            throw ManagementError.badRequest("The user has no such linked identity.", "invalid_body");
        }
        record(secondaryId).ifPresent(s -> s.linkedTo = null);
        primary.updatedAt = now();
        return identities(primary);
    }

    // ---- profiles ----

    private Map<String, Object> profile(UserRecord r) {
        Map<String, Object> p = new LinkedHashMap<>();
        if ("ad".equals(r.provider)) {
            ad.findByUserId(r.userId).ifPresent(e -> p.putAll(ad.attributes(e)));
        } else {
            p.put("user_id", r.userId);
            p.putAll(passwordlessAttributes(r));
            p.put("name", r.address);
            p.put("nickname", PasswordlessConnection.EMAIL.equals(r.connection) ? r.address.split("@")[0] : r.address);
        }
        p.put("created_at", ISO.format(r.createdAt));
        p.put("updated_at", ISO.format(r.updatedAt));
        if (r.lastLogin != null) {
            p.put("last_login", ISO.format(r.lastLogin));
        }
        p.put("logins_count", r.loginsCount);
        p.put("blocked", r.blocked);
        p.put("identities", identities(r));
        p.put("app_metadata", new LinkedHashMap<>(r.appMetadata));
        p.put("user_metadata", new LinkedHashMap<>(r.userMetadata));
        return p;
    }

    private List<Map<String, Object>> identities(UserRecord r) {
        List<Map<String, Object>> identities = new ArrayList<>();
        identities.add(identity(r, false));
        for (String id : r.secondaries) {
            record(id).ifPresent(s -> identities.add(identity(s, true)));
        }
        return identities;
    }

    private Map<String, Object> identity(UserRecord r, boolean withProfileData) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("provider", r.provider);
        i.put("user_id", r.identityUserId());
        i.put("connection", r.connection);
        i.put("isSocial", false);
        if (withProfileData) {
            Map<String, Object> data = new LinkedHashMap<>(passwordlessAttributes(r));
            if ("ad".equals(r.provider)) {
                ad.findByUserId(r.userId).ifPresent(e -> data.putAll(ad.attributes(e)));
                data.remove("user_id");
            }
            i.put("profileData", data);
        }
        return i;
    }

    private static Map<String, Object> passwordlessAttributes(UserRecord r) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (PasswordlessConnection.EMAIL.equals(r.connection)) {
            a.put("email", r.address);
            a.put("email_verified", true);
        } else if (PasswordlessConnection.SMS.equals(r.connection)) {
            a.put("phone_number", r.address);
            a.put("phone_verified", true);
        }
        return a;
    }

    // ---- records ----

    private Optional<UserRecord> record(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        UserRecord r = records.get(userId);
        if (r == null && ad.owns(userId)) {
            return ad.findByUserId(userId).map(this::adRecord);
        }
        return Optional.ofNullable(r);
    }

    private Optional<UserRecord> standalone(String userId) {
        return record(userId).filter(r -> r.linkedTo == null);
    }

    private UserRecord adRecord(DirectoryEntry entry) {
        String userId = ad.userId(entry);
        return records.computeIfAbsent(userId, id -> new UserRecord(id, "ad", ad.name(), null, now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
