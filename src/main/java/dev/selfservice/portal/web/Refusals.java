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

    /** The words of the refusal's first reason, for a page that shows no form. */
    public String explain(Refusal refusal) {
        return refusal.reason().text(msg, words());
    }

    private Refusal.Words words() {
        return new Refusal.Words(Helpdesk.here(config), config.password().minLength(),
                config.password().maxLength(), config.password().directoryRules());
    }

    /** The words of each reason and the field it is about, for a page's error summary and its fields. */
    public Problem problem(Refusal refusal) {
        Refusal.Words words = words();
        return new Problem(refusal.reasons().stream()
                .map(r -> new Problem.FieldError(r.field(), r.text(msg, words))).toList());
    }

    /** The title of a page that says a change could not be confirmed. */
    public String notConfirmedTitle() {
        return msg.not_confirmed_title();
    }
}
