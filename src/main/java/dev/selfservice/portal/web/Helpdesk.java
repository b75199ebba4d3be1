package dev.selfservice.portal.web;

import java.util.Locale;

import dev.selfservice.portal.PortalConfig;

/** How to reach the helpdesk, in the language of the page or notice that names it. */
public final class Helpdesk {

    private Helpdesk() {
    }

    public static String in(PortalConfig config, Locale locale) {
        String localised = config.helpdeskIn().get(locale.getLanguage());
        return localised == null || localised.isBlank() ? config.helpdesk() : localised;
    }

    /** In the language of the request being served. */
    public static String here(PortalConfig config) {
        return in(config, PageLanguage.currentLocale());
    }
}
