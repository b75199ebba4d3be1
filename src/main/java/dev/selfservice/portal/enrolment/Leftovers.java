package dev.selfservice.portal.enrolment;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.auth0.Auth0Exception;
import dev.selfservice.portal.auth0.Auth0Management;
import dev.selfservice.portal.auth0.Auth0User;
import dev.selfservice.portal.auth0.PasswordlessChannel;
import dev.selfservice.portal.state.StateKeys;
import dev.selfservice.portal.state.StateStore;
import io.quarkus.scheduler.Scheduled;

/**
 * The standalone passwordless users that enrolment makes and must not leave behind. A code exchange creates one (or
 * finds it); linking turns it into an identity of the AD user; unlinking turns it back. Each is put on an agenda in
 * the state store when it appears and taken off once linked or deleted, so that a step that failed half-way, on any
 * replica, is finished by the sweep: a user still standalone after the grace period is deleted, one that is linked
 * (Auth0 then answers 404 for its id) is left alone.
 * <p>
 * A code exchange whose answer is lost may have made a user the portal never learns the id of; so each exchange puts
 * its address on the agenda before it is sent (a later exchange for the address puts it off again). When it is due,
 * the sweep looks the address's standalone passwordless users up and deletes them: an enrolment that completed since
 * linked its user, which is then no standalone user, and one still under way is younger than the grace period.
 */
@ApplicationScoped
public class Leftovers {

    private static final Logger LOG = Logger.getLogger(Leftovers.class);
    static final String AGENDA = "enrolment:leftovers";
    private static final int SWEEP_BATCH = 100;
    /** Agenda members for an exchange's address start so; user ids never do (they start with a connection). */
    private static final String EXCHANGE = "exchange:";

    private final Auth0Management management;
    private final StateStore store;
    private final Clock clock;
    private final Duration grace;

    public Leftovers(Auth0Management management, StateStore store, Clock clock, PortalConfig config) {
        this.management = management;
        this.store = store;
        this.clock = clock;
        this.grace = config.enrolment().leftoverGrace();
    }

    /** A standalone user exists now, and goes after the grace period unless it is linked first. */
    void note(String userId) {
        store.schedule(AGENDA, userId, clock.instant().plus(grace));
    }

    /** A code exchange for the address is about to be sent: whatever user it makes is looked for after the grace. */
    void noteExchange(PasswordlessChannel channel, String address) {
        store.schedule(AGENDA, EXCHANGE + channel.name() + "|" + address, clock.instant().plus(grace));
    }

    /** It was linked: it is the employee's contact, not a leftover. */
    void forget(String userId) {
        store.unschedule(AGENDA, userId);
    }

    /** Deletes it now; if Auth0 cannot, the sweep does later. */
    void remove(String userId) {
        store.schedule(AGENDA, userId, clock.instant());
        try {
            management.deleteUser(userId);
            store.unschedule(AGENDA, userId);
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: could not delete the standalone user %s now (%s); the sweep will", userId, e.error());
        }
    }

    /** Removes the leftovers that are due. Every replica sweeps; a claim per user keeps two from doing the same one. */
    @Scheduled(every = "${portal.enrolment.leftover-sweep-every:10M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        try {
            for (String userId : store.due(AGENDA, clock.instant(), SWEEP_BATCH)) {
                if (store.claim(StateKeys.of("enrolment:sweeping", userId), Duration.ofMinutes(5))) {
                    sweep(userId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("enrolment: the sweep of leftovers did not run (%s)", e.getClass().getSimpleName());
        }
    }

    private void sweep(String userId) {
        if (userId.startsWith(EXCHANGE)) {
            sweepExchange(userId);
            return;
        }
        try {
            Auth0User user = management.user(userId);
            boolean standalone = user.identities().size() == 1 && isPasswordless(user.identities().get(0).provider());
            if (standalone) {
                management.deleteUser(userId);
                LOG.infof("enrolment: removed the standalone passwordless user %s that a failed step left", userId);
            }
            store.unschedule(AGENDA, userId);
        } catch (Auth0Exception e) {
            if (e instanceof Auth0Exception.Refused && e.status() == 404) {
                store.unschedule(AGENDA, userId); // linked (a secondary has no user of its own) or already gone
            } else {
                LOG.warnf("enrolment: the sweep could not look at %s (%s); it tries again later", userId, e.error());
            }
        }
    }

    private void sweepExchange(String member) {
        String[] parts = member.substring(EXCHANGE.length()).split("\\|", 2);
        try {
            PasswordlessChannel channel = PasswordlessChannel.valueOf(parts[0]);
            for (Auth0User user : management.standalonePasswordlessUsers(channel, parts[1])) {
                management.deleteUser(user.userId());
                LOG.infof("enrolment: removed the standalone passwordless user %s that a code exchange left",
                        user.userId());
            }
            store.unschedule(AGENDA, member);
        } catch (Auth0Exception e) {
            LOG.warnf("enrolment: the sweep could not look at an exchange's address (%s); it tries again later",
                    e.error());
        } catch (RuntimeException e) {
            store.unschedule(AGENDA, member); // not a member this portal wrote
        }
    }

    private static boolean isPasswordless(String provider) {
        for (PasswordlessChannel c : PasswordlessChannel.values()) {
            if (c.connection().equals(provider)) {
                return true;
            }
        }
        return false;
    }
}
