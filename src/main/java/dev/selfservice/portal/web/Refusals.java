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

    /** The words of the refusal's first reason, for a page that shows no form. */
    public String explain(Refusal refusal) {
        return text(refusal, refusal.reason());
    }

    /**
     * The words of one of the refusal's reasons. A limit met says until when, as a clock time in the page's language,
     * and who helps sooner; a wrong code adds the tries left; both belong to the first reason.
     */
    private String text(Refusal refusal, Refusal.Reason reason) {
        boolean first = reason == refusal.reason();
        if (first && refusal.until().isPresent()) {
            String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(PageLanguage.currentLocale())
                    .withZone(ZoneOffset.UTC).format(refusal.until().get()) + " UTC";
            return msg.refused_too_many_wrong_until(time, Helpdesk.here(config));
        }
        String text = reason.text(msg, words(refusal));
        return first && refusal.triesLeft().isPresent()
                ? text + " " + msg.refused_tries_left(refusal.triesLeft().getAsInt()) : text;
    }

    private Refusal.Words words(Refusal refusal) {
        return new Refusal.Words(Helpdesk.here(config), config.password().minLength(),
                config.password().maxLength(), config.password().directoryRules(), refusal.usernameForms());
    }

    /** The words of each reason and the field it is about, for a page's error summary and its fields. */
    public Problem problem(Refusal refusal) {
        return new Problem(refusal.reasons().stream()
                .map(r -> new Problem.FieldError(r.field(), text(refusal, r))).toList());
    }

    /** The title of a page that says a change could not be confirmed. */
    public String notConfirmedTitle() {
        return msg.not_confirmed_title();
    }
}
