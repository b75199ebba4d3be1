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

/**
 * The copies of notices being sent, each kept on an agenda in the state store from its first try until it is
 * delivered or given up, so that a copy whose replica stopped in the middle (a rolling update's grace ran out, the
 * pod was killed) is sent by another replica's sweep instead of never. An entry falls due only when its replica
 * should long have finished with it, every try and pause included, so a sweep does not race a replica still sending.
 * The entry is sealed ({@link CookieSeal}): it names the employee's addresses and the address they acted from.
 */
@ApplicationScoped
public class NoticeOutbox {

    private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);
    /** The agendas' prefix in the state store: one agenda per session secret (see {@link #agenda()}). */
    public static final String AGENDA = "notice:outbox";
    private static final String PURPOSE = "notice-outbox";
    private static final int FIELDS = 10;

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
        this.agenda = AGENDA + ":" + seal.keyId();
    }

    /**
     * This replica's agenda: the one of its session secret. Replicas with another secret (during a rotation) keep
     * theirs apart, so that neither takes the other's entries, which it cannot open, for garbage.
     */
    public String agenda() {
        return agenda;
    }

    /** How long one series of tries can take at most: every try's limit and every pause, and a minute besides. */
    static Duration finishedAfter(PortalConfig.Notices settings) {
        Duration pauses = settings.backoff().multipliedBy(8).multipliedBy(Math.max(0, settings.attempts() - 1));
        return settings.timeout().multipliedBy(settings.attempts()).plus(pauses).plusMinutes(1);
    }

    /** Puts a copy on the agenda; its entry, or empty when the store does not answer (the copy is sent all the same). */
    Optional<String> put(Notices.Notice notice, String to) {
        Optional<Contact> contact = notice.contact();
        String member = seal.sealFields(PURPOSE, List.of(notice.kind().name(), notice.userId(),
                String.valueOf(notice.at().getEpochSecond()), orEmpty(notice.ip()), notice.browser().orElse(""),
                notice.locale().toLanguageTag(), contact.map(c -> c.channel().name()).orElse(""),
                contact.map(Contact::address).orElse(""), orEmpty(notice.requestId()), to));
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
        return seal.openFields(PURPOSE, member, FIELDS).flatMap(f -> {
            try {
                Optional<Contact> contact = f.get(6).isEmpty() ? Optional.empty()
                        : Optional.of(new Contact("", PasswordlessChannel.valueOf(f.get(6)), f.get(7), null));
                return Optional.of(new Entry(member, new Notices.Notice(NoticeKind.valueOf(f.get(0)), f.get(1),
                        Instant.ofEpochSecond(Long.parseLong(f.get(2))), nullIfEmpty(f.get(3)),
                        Optional.of(f.get(4)).filter(b -> !b.isEmpty()), Locale.forLanguageTag(f.get(5)), contact,
                        nullIfEmpty(f.get(8))), f.get(9)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
