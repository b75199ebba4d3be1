package dev.selfservice.portal.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language of this request's pages: the one the employee chose with the switcher (a cookie), else the best match
 * of the browser's {@code Accept-Language}, else English. Every template is rendered in it (an initializer of the Qute
 * engine), and Java code that words a page injects {@link Current} {@link Messages}.
 */
@RequestScoped
public class PageLanguage {

    /** The languages the portal ships; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String COOKIE = "lang";

    /** The messages in the request's language. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
    public @interface Current {
    }

    private final Locale locale;
    private final String path;

    public PageLanguage(CurrentVertxRequest current) {
        // no HTTP request behind a request context that startup or a job opened: the default language
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        this.locale = request == null ? SUPPORTED.get(0) : choose(request);
        this.path = request == null ? "/" : request.uri();
    }

    /** The language of the page this request would get, as a tag ({@code en}, {@code de}): for Auth0's ui_locales. */
    public static String tagOf(HttpServerRequest request) {
        return choose(request).getLanguage();
    }

    static Locale choose(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null) {
            for (Locale l : SUPPORTED) {
                if (l.getLanguage().equals(chosen.getValue())) {
                    return l;
                }
            }
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank() && accept.length() < 512) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default language
            }
        }
        return SUPPORTED.get(0);
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code <html lang>}. */
    public String getTag() {
        return locale.getLanguage();
    }

    /** The other language, named in itself, for the switcher. */
    public String getOtherName() {
        Locale other = other();
        return other.getDisplayLanguage(other);
    }

    public String getOtherTag() {
        return other().getLanguage();
    }

    /** The switcher's link: to the other language, and back to this page. */
    public String getSwitchHref() {
        return "/language?to=" + other().getLanguage() + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private Locale other() {
        return locale.equals(Locale.GERMAN) ? Locale.ENGLISH : Locale.GERMAN;
    }

    @Produces
    @RequestScoped
    @Current
    Messages messages() {
        return locale.equals(Locale.ENGLISH) ? MessageBundles.get(Messages.class)
                : MessageBundles.get(Messages.class, Localized.Literal.of(locale.getLanguage()));
    }

    /** The request's language, or the default one outside a request (a failure page rendered by Vert.x). */
    static java.util.Optional<PageLanguage> ofThisRequest() {
        var container = Arc.container();
        return container != null && container.requestContext().isActive()
                ? java.util.Optional.of(container.instance(PageLanguage.class).get())
                : java.util.Optional.empty();
    }

    /** The request's locale, or the default one: for words and dates made in Java. */
    public static Locale currentLocale() {
        return ofThisRequest().map(PageLanguage::locale).orElse(SUPPORTED.get(0));
    }

    /** What the layout reads: {@code {page:lang}}, {@code {page:otherName}}, ... */
    @io.quarkus.qute.TemplateExtension(namespace = "page")
    static final class Layout {

        static String lang() {
            return ofThisRequest().map(PageLanguage::getTag).orElse(SUPPORTED.get(0).getLanguage());
        }

        static String otherName() {
            return ofThisRequest().map(PageLanguage::getOtherName).orElse("Deutsch");
        }

        static String otherTag() {
            return ofThisRequest().map(PageLanguage::getOtherTag).orElse("de");
        }

        static String switchHref() {
            return ofThisRequest().map(PageLanguage::getSwitchHref).orElse("/language?to=de&back=%2F");
        }
    }

    /** Renders every template instance in the request's language; outside a request, in the default one. */
    void renderInTheRequestsLanguage(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> ofThisRequest().ifPresent(l -> instance.setLocale(l.locale())));
    }
}
