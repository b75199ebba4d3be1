package dev.selfservice.portal.web;

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
        return refusal.reason().text(msg, new Refusal.Words(Helpdesk.here(config), config.password().minLength(),
                config.password().maxLength(), config.password().directoryRules()));
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
