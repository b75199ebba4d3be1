package dev.selfservice.portal.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.enterprise.context.ApplicationScoped;

import dev.selfservice.portal.PortalConfig;

/** The words of a {@link Refusal}, for any page. */
@ApplicationScoped
public class Refusals {

    private final Messages msg;
    private final PortalConfig config;

    public Refusals(@PageLanguage.Current Messages msg, PortalConfig config) {
        this.msg = msg;
        this.config = config;
    }

    public String explain(Refusal refusal) {
        if (refusal.until().isPresent()) {
            // a limit met says until when, as a clock time in the page's language, and who helps sooner
            String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(PageLanguage.currentLocale())
                    .withZone(ZoneOffset.UTC).format(refusal.until().get()) + " UTC";
            return msg.refused_too_many_wrong_until(time, Helpdesk.here(config));
        }
        String text = refusal.reason().text(msg, new Refusal.Words(Helpdesk.here(config), config.password().minLength(),
                config.password().maxLength(), config.password().directoryRules()));
        return refusal.triesLeft().isPresent() ? text + " " + msg.refused_tries_left(refusal.triesLeft().getAsInt()) : text;
    }

    /** The words and the field they are about, for a page's error summary. */
    public Problem problem(Refusal refusal) {
        return new Problem(explain(refusal), refusal.reason().field());
    }

    /** The title of a page that says a change could not be confirmed. */
    public String notConfirmedTitle() {
        return msg.not_confirmed_title();
    }
}
