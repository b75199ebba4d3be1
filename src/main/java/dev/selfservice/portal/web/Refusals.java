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

    /** Stands for the clock time in a message, to find where the time goes in the words around it. */
    private static final String TIME_MARK = "\uE000";

    /** The words of the refusal's first reason, for a page that shows no form. */
    public String explain(Refusal refusal) {
        return error(refusal, refusal.reason()).text();
    }

    /**
     * The words of one of the refusal's reasons. A limit met says until when, as a clock time in the page's language,
     * and who helps sooner; a wrong code adds the tries left (the code's own when they are fewer); both belong to the
     * first reason.
     */
    private Problem.FieldError error(Refusal refusal, Refusal.Reason reason) {
        boolean first = reason == refusal.reason();
        if (first && refusal.until().isPresent()) {
            String helpdesk = Helpdesk.here(config);
            return atTime(reason.field(), refusal.until().get(), time -> reason == Refusal.Reason.WRONG_CODE_LAST_TRY
                    ? msg.refused_wrong_code_last_try_until(time, helpdesk)
                    : msg.refused_too_many_wrong_until(time, helpdesk));
        }
        String text = reason.text(msg, words(refusal));
        if (first && refusal.triesLeft().isPresent()) {
            int tries = refusal.triesLeft().getAsInt();
            text = text + " " + (refusal.triesOfTheCode() ? msg.refused_code_tries_left(tries) : msg.refused_tries_left(tries));
        }
        return new Problem.FieldError(reason.field(), text);
    }

    /**
     * Words that name a clock time, as a clock time in the page's language and UTC, marked up so that the page can add
     * the employee's own time ({@link Problem.Timed}); {@code words} is given where the time goes.
     */
    public static Problem.FieldError atTime(String field, java.time.Instant when,
            java.util.function.UnaryOperator<String> words) {
        String utc = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(PageLanguage.currentLocale())
                .withZone(ZoneOffset.UTC).format(when) + " UTC";
        String marked = words.apply(TIME_MARK);
        int at = marked.indexOf(TIME_MARK);
        if (at < 0) {
            return new Problem.FieldError(field, marked); // words that name no time after all
        }
        Problem.Timed time = new Problem.Timed(marked.substring(0, at), when.toString(), utc,
                marked.substring(at + TIME_MARK.length()));
        return new Problem.FieldError(field, time.before() + utc + time.after(), time);
    }

    private Refusal.Words words(Refusal refusal) {
        return new Refusal.Words(Helpdesk.here(config), config.password().minLength(),
                config.password().maxLength(), config.password().directoryRules(), refusal.usernameForms());
    }

    /** The words of each reason and the field it is about, for a page's error summary and its fields. */
    public Problem problem(Refusal refusal) {
        return new Problem(refusal.reasons().stream().map(r -> error(refusal, r)).toList());
    }

    /** The title of a page that says a change could not be confirmed. */
    public String notConfirmedTitle() {
        return msg.not_confirmed_title();
    }
}
