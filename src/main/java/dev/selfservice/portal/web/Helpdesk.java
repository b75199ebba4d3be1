package dev.selfservice.portal.web;

import java.util.Locale;
import java.util.Optional;

import dev.selfservice.portal.PortalConfig;

/** How to reach the helpdesk, in the language of the page or notice that names it. */
public final class Helpdesk {

    private Helpdesk() {
    }

    /** {@link PortalConfig#helpdeskIn()} for the language, else {@link PortalConfig#helpdesk()}. */
    public static String in(PortalConfig config, Locale locale) {
        String tag = locale.getLanguage();
        Optional<String> localised = tag.equals(PageLanguage.defaultLocale(config).getLanguage()) ? Optional.empty()
                : Optional.ofNullable(config.helpdeskIn().get(tag));
        return localised.filter(h -> !h.isBlank()).orElse(config.helpdesk());
    }

    /** In the language of the request being served. */
    public static String here(PortalConfig config) {
        return in(config, PageLanguage.currentLocale());
    }
}
