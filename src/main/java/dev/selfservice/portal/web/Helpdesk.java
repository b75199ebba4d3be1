package dev.selfservice.portal.web;

import java.util.Locale;

import dev.selfservice.portal.PortalConfig;

/** How to reach the helpdesk, in the language of the page or notice that names it. */
public final class Helpdesk {

    private Helpdesk() {
    }

    public static String in(PortalConfig config, Locale locale) {
        // one setting per shipped language besides English (PageLanguage.SUPPORTED)
        java.util.Optional<String> localised = Locale.GERMAN.getLanguage().equals(locale.getLanguage())
                ? config.helpdeskDe() : java.util.Optional.empty();
        return localised.filter(h -> !h.isBlank()).orElse(config.helpdesk());
    }

    /** In the language of the request being served. */
    public static String here(PortalConfig config) {
        return in(config, PageLanguage.currentLocale());
    }
}
