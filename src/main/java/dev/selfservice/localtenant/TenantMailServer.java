package dev.selfservice.localtenant;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The tenant's mail provider: a real SMTP server (GreenMail) on the loopback address, where the portal's notices
 * arrive over the same protocol a production relay speaks. Each delivered copy lands in the {@link Outbox}, one per
 * recipient (the envelope's, so that a blind copy shows too). Tests can take it down and bring it back, to see the
 * portal retry and record a failed delivery.
 */
@ApplicationScoped
class TenantMailServer {

    private static final Logger LOG = Logger.getLogger(TenantMailServer.class);

    private final LocalTenantConfig config;
    private final Outbox outbox;
    private final TenantClock clock;
    private GreenMail smtp;

    TenantMailServer(LocalTenantConfig config, Outbox outbox, TenantClock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            up();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        down();
    }

    /** Starts accepting mail (again); a no-op while it runs. */
    synchronized void up() {
        if (smtp != null) {
            return;
        }
        GreenMail server = new GreenMail(new ServerSetup(config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        smtp = server;
        LOG.infof("Local tenant's SMTP server listening on 127.0.0.1:%d", config.smtpPort());
    }

    /** Stops accepting mail: connections are refused, as when a relay is down. */
    synchronized void down() {
        if (smtp != null) {
            collect();
            smtp.stop();
            smtp = null;
        }
    }

    synchronized boolean running() {
        return smtp != null;
    }

    /** Moves what arrived into the outbox (called before the outbox is read, and before the server stops). */
    synchronized void collect() {
        if (smtp == null) {
            return;
        }
        // GreenMail keeps one copy per envelope recipient, in that recipient's mailbox (so a blind copy shows too).
        // Only the messages read are removed: mail arriving while this reads stays for the next look, where emptying
        // every mailbox afterwards lost it (and reading a list it was appended to failed).
        for (GreenMailUser user : smtp.getUserManager().listUser()) {
            try {
                MailFolder inbox = smtp.getManagers().getImapHostManager().getInbox(user);
                long[] uids = inbox.getMessageUids();
                if (uids.length == 0) {
                    continue;
                }
                for (long uid : uids) {
                    StoredMessage stored = inbox.getMessage(uid);
                    try {
                        deliver(user.getEmail(), stored.getMimeMessage());
                    } catch (MessagingException | IOException e) {
                        LOG.warnf("outbox: unreadable mail was dropped (%s)", e.getClass().getSimpleName());
                    }
                    inbox.setFlags(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true, uid, null, false);
                }
                inbox.expunge();
            } catch (Exception e) { // GreenMail declares FolderException
                LOG.warnf("outbox: could not read the mailbox of %s (%s)", user.getEmail(), e.getClass().getSimpleName());
            }
        }
    }

    private void deliver(String recipient, MimeMessage message) throws MessagingException, IOException {
        Instant sent = Optional.ofNullable(message.getSentDate()).map(java.util.Date::toInstant).orElse(clock.instant());
        outbox.deliver(new Outbox.Message(Outbox.Kind.NOTICE, "email", recipient, null, sent, message.getSubject(),
                part(message, "text/plain").orElse(""), part(message, "text/html").orElse("")));
    }

    private static Optional<String> part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> found = part(body, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
