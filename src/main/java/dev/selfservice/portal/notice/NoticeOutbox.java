package dev.selfservice.portal.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import dev.selfservice.portal.state.StateUnavailable;
import dev.selfservice.portal.web.CookieSeal;
import dev.selfservice.portal.web.StateKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The copies of notices being sent, each kept on an agenda in the state store from its first try until it is
 * delivered or given up, so that a copy whose replica stopped in the middle (a rolling update's grace ran out, the
 * pod was killed) is sent by another replica's sweep instead of never. An entry falls due only when its replica
 * should long have finished with it, every try and pause included, so a sweep does not race a replica still sending.
 * The entry is sealed ({@link CookieSeal}, kind {@link #ENTRY}): it names the employee's addresses and the address they
 * acted from.
 *
 * <p>An entry of another version than this replica writes (a rolling update that changed {@link Kept}) is not this
 * replica's to read: the agenda is one per session secret <em>and</em> per version of the entry, so replicas of the
 * older version keep sweeping theirs while any of them runs, and this replica neither sends such an entry nor drops
 * it as garbage. What an older agenda still holds once no replica of its version is left is not sent: it was a
 * second chance for a copy whose replica stopped during the update itself, and its first try had been made. An entry
 * of another version found on this replica's own agenda (only by tampering) opens as nothing and is dropped with a
 * warning.
 */
@ApplicationScoped
public class NoticeOutbox {

    private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);
    /** The agendas' prefix in the state store: one agenda per session secret and entry version (see {@link #agenda()}). */
    public static final String AGENDA = "notice:outbox";

    /**
     * A copy as it is kept: the notice ({@link Notices.Notice}, its instant in seconds, its locale as a language tag,
     * the contact it is about as channel and address, each null where the notice has none) and to whom it goes.
     */
    @RegisterForReflection(registerFullHierarchy = true)
    record Kept(NoticeKind kind, String userId, long at, String ip, String browser, String locale,
            PasswordlessChannel contactChannel, String contactAddress, String requestId, String to) {
    }

    static final StateKind<Kept> ENTRY = new StateKind<>("notice-outbox", 1, Kept.class);

    /** A copy taken from the agenda: its entry, what it says, and to whom. */
    record Entry(String member, Notices.Notice notice, String to) {
    }

    private final StateStore store;
    private final CookieSeal seal;
    private final Clock clock;
    private final Duration finishedAfter;
    private final String agenda;

    NoticeOutbox(StateStore store, CookieSeal seal, Clock clock, PortalConfig config) {
        this.store = store;
        this.seal = seal;
        this.clock = clock;
        this.finishedAfter = finishedAfter(config.notices());
        this.agenda = agenda(seal.keyId(), ENTRY.version());
    }

    /**
     * This replica's agenda: the one of its session secret. Replicas with another secret (during a rotation) keep
     * theirs apart, so that neither takes the other's entries, which it cannot open, for garbage.
     */
    public String agenda() {
        return agenda;
    }

    /** The agenda of the replicas with this session secret and this version of the entry (see the class comment). */
    static String agenda(String keyId, int entryVersion) {
        return AGENDA + ":" + keyId + ":v" + entryVersion;
    }

    /** How long one series of tries can take at most: every try's limit and every pause, and a minute besides. */
    static Duration finishedAfter(PortalConfig.Notices settings) {
        Duration pauses = settings.backoff().multipliedBy(8).multipliedBy(Math.max(0, settings.attempts() - 1));
        return settings.timeout().multipliedBy(settings.attempts()).plus(pauses).plusMinutes(1);
    }

    /** Puts a copy on the agenda; its entry, or empty when the store does not answer (the copy is sent all the same). */
    Optional<String> put(Notices.Notice notice, String to) {
        Optional<Contact> contact = notice.contact();
        String member = seal.seal(ENTRY, new Kept(notice.kind(), notice.userId(), notice.at().getEpochSecond(),
                notice.ip(), notice.browser().orElse(null), notice.locale().toLanguageTag(),
                contact.map(Contact::channel).orElse(null), contact.map(Contact::address).orElse(null),
                notice.requestId(), to));
        try {
            store.schedule(agenda, member, clock.instant().plus(finishedAfter));
            return Optional.of(member);
        } catch (StateUnavailable e) {
            LOG.warnf("notice: the state store did not answer; the notice is sent, but not kept for another replica");
            return Optional.empty();
        }
    }

    /** The copy was delivered or given up. */
    void remove(Optional<String> member) {
        member.ifPresent(m -> {
            try {
                store.unschedule(agenda, m);
            } catch (StateUnavailable e) {
                // it falls due and is sent once more by a sweep: a second copy rather than none
                LOG.warnf("notice: the state store did not answer; a sweep may send a delivered notice again");
            }
        });
    }

    /**
     * Copies whose replica should have finished with them and has not: each is taken by one replica (a claim), and
     * due again only after another whole series, in case this replica stops too. An entry that does not open (sealed
     * under this agenda's secret, so only by tampering) is dropped with a warning. If the store stops answering half
     * way, the copies taken so far are still returned, so that none waits for another series.
     */
    List<Entry> abandoned(int max) {
        List<Entry> taken = new ArrayList<>();
        Instant now = clock.instant();
        try {
            for (String member : store.due(agenda, now, max)) {
                Optional<Entry> entry = read(member);
                if (entry.isEmpty()) {
                    LOG.warnf("notice: dropped an entry of the outbox that does not open");
                    store.unschedule(agenda, member);
                } else if (store.claim(StateKeys.of("notice:sweeping", member), finishedAfter)) {
                    store.schedule(agenda, member, now.plus(finishedAfter));
                    taken.add(entry.get());
                }
            }
        } catch (StateUnavailable e) {
            LOG.warnf("notice: the state store stopped answering during the sweep of the outbox");
        }
        return taken;
    }

    private Optional<Entry> read(String member) {
        return seal.open(ENTRY, member).map(CookieSeal.Opened::state)
                .filter(k -> k.kind() != null && k.locale() != null)
                .map(k -> {
                    Optional<Contact> contact = k.contactChannel() == null ? Optional.empty()
                            : Optional.of(new Contact("", k.contactChannel(), k.contactAddress(), null));
                    return new Entry(member, new Notices.Notice(k.kind(), k.userId(), Instant.ofEpochSecond(k.at()), k.ip(),
                            Optional.ofNullable(k.browser()), Locale.forLanguageTag(k.locale()), contact, k.requestId()),
                            k.to());
                });
    }
}
