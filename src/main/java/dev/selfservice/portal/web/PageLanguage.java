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

import dev.selfservice.portal.PortalConfig;
import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language of this request's pages: the one the employee chose with the switcher (a cookie), else the best match
 * of the browser's {@code Accept-Language}, else the default (English). The languages are a setting,
 * {@link PortalConfig#languages()}. Every template is rendered in it (an initializer of the Qute engine), and Java code
 * that words a page injects {@link Current} {@link Messages}.
 */
@RequestScoped
public class PageLanguage {

    static final String COOKIE = "lang";

    /** Another language for the switcher: its name in itself, its tag, the link to it and the link's element id. */
    @io.quarkus.qute.TemplateData
    public record Other(String name, String tag, String href, String id) {
    }

    /** The messages in the request's language. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
    public @interface Current {
    }

    private final List<Locale> supported;
    private final Locale locale;
    private String path;

    public PageLanguage(CurrentVertxRequest current, PortalConfig config) {
        this.supported = supported(config);
        // no HTTP request behind a request context that startup or a job opened: the default language
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        this.locale = request == null ? supported.get(0) : choose(request, supported);
        // a page that answers a form (an error page after a POST) has no address of its own to go back to: the
        // switch would post nothing and meet a 405 or an expired form; it goes to the start page instead. Refused
        // forms are GET pages (RefusedForm), so the switch keeps them, with what was typed.
        this.path = request == null || !isGet(request) ? "/" : request.uri();
    }

    private static boolean isGet(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.GET || request.method() == io.vertx.core.http.HttpMethod.HEAD;
    }

    /** The languages of {@link PortalConfig#languages()}, the default first. */
    public static List<Locale> supported(PortalConfig config) {
        return config.languages().stream().map(String::trim).filter(t -> !t.isEmpty()).map(Locale::forLanguageTag)
                .toList();
    }

    public static Locale defaultLocale(PortalConfig config) {
        return supported(config).get(0);
    }

    /** The language of the page this request would get, as a tag ({@code en}, {@code de}): for Auth0's ui_locales. */
    public static String tagOf(HttpServerRequest request, PortalConfig config) {
        return choose(request, supported(config)).getLanguage();
    }

    static Locale choose(HttpServerRequest request, List<Locale> supported) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null) {
            for (Locale l : supported) {
                if (l.getLanguage().equals(chosen.getValue())) {
                    return l;
                }
            }
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank() && accept.length() < 512) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), supported);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default language
            }
        }
        return supported.get(0);
    }

    /**
     * For a page that answers a form without being a refusal of it (the "sign in again" page a change meets): the
     * address the switch goes back to instead of the start page, a local path only.
     */
    public void returnTo(String localPath) {
        this.path = LocalPath.orHome(localPath);
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code <html lang>}. */
    public String getTag() {
        return locale.getLanguage();
    }

    /**
     * The switcher: every other language, named in itself, each link going back to this page; the first link keeps the
     * id {@code language}, the others {@code language-<tag>}.
     */
    public List<Other> getOthers() {
        return others(supported, locale, path);
    }

    private static List<Other> others(List<Locale> supported, Locale locale, String path) {
        List<Locale> others = supported.stream().filter(l -> !l.equals(locale)).toList();
        return others.stream().map(o -> new Other(o.getDisplayLanguage(o), o.getLanguage(),
                "/language?to=" + o.getLanguage() + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                o.equals(others.get(0)) ? "language" : "language-" + o.getLanguage())).toList();
    }

    @Produces
    @RequestScoped
    @Current
    Messages messages() {
        return messagesIn(locale);
    }

    /** The messages in {@code language}: for words a page's language decides outside a page (a phone number's region). */
    public static Messages messagesIn(Locale language) {
        return bundleIn(Messages.class, language);
    }

    /** A message bundle's words in {@code language} (English is the bundle's own interface, as every bundle's). */
    public static <T> T bundleIn(Class<T> bundle, Locale language) {
        return language.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.getLanguage()));
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
        return ofThisRequest().map(PageLanguage::locale).orElseGet(() -> defaultLocale(config()));
    }

    private static PortalConfig config() {
        return Arc.container().instance(PortalConfig.class).get();
    }

    /** What the layout reads: {@code {page:lang}} and {@code {page:others}}. */
    @io.quarkus.qute.TemplateExtension(namespace = "page")
    static final class Layout {

        static String lang() {
            return ofThisRequest().map(PageLanguage::getTag).orElseGet(() -> defaultLocale(config()).getLanguage());
        }

        static List<Other> others() {
            return ofThisRequest().map(PageLanguage::getOthers).orElseGet(() -> {
                List<Locale> supported = supported(config());
                return PageLanguage.others(supported, supported.get(0), "/");
            });
        }
    }

    /** Renders every template instance in the request's language; outside a request, in the default one. */
    void renderInTheRequestsLanguage(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> ofThisRequest().ifPresent(l -> instance.setLocale(l.locale())));
    }
}
