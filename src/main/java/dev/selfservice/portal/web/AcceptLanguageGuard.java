package dev.selfservice.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.selfservice.portal.PortalConfig;
import io.vertx.ext.web.Router;

/**
 * Replaces a browser's {@code Accept-Language} with the language the page will be in ({@link PageLanguage#choose}),
 * before any resource sees it. The pages pick their language themselves, but Quarkus REST's Qute integration selects
 * a template's variant through {@code Request.selectVariant}, which parses the header strictly and answers 400 to
 * {@code de;q=2} or any other malformed value, on every page. A malformed header gets the default language instead.
 */
@ApplicationScoped
public class AcceptLanguageGuard {

    void install(@Observes Router router, PortalConfig config) {
        List<Locale> supported = PageLanguage.supported(config);
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (ctx.request().headers().contains("Accept-Language")) {
                Locale chosen = PageLanguage.choose(ctx.request(), supported);
                ctx.request().headers().set("Accept-Language", chosen.toLanguageTag());
            }
            ctx.next();
        });
    }
}
