package dev.selfservice.portal.web;

import java.util.Locale;

/**
 * The browser family named in a notice ("Firefox", "Chrome (Android)"): coarse on purpose, enough for an employee
 * to say "that was not me", never the full User-Agent (which identifies a device). Written by hand: the families a
 * notice needs are a handful of substrings, and the maintained parsers (uap-java) carry a large regex file and
 * reflection-loaded YAML into the native image for no better answer at this coarseness.
 */
public final class BrowserFamily {

    private BrowserFamily() {
    }

    /** "Firefox (Android)", "Chrome", or empty when nothing is recognised (the caller words that in its language). */
    public static java.util.Optional<String> of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return java.util.Optional.empty();
        }
        String ua = userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent;
        String browser = ua.contains("Edg/") ? "Edge"
                : ua.contains("OPR/") ? "Opera"
                : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("HeadlessChrome/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari"
                : null;
        String lower = ua.toLowerCase(Locale.ROOT);
        String system = lower.contains("android") ? "Android"
                : lower.contains("iphone") || lower.contains("ipad") ? "iOS"
                : lower.contains("windows") ? "Windows"
                : lower.contains("mac os") ? "macOS"
                : lower.contains("linux") ? "Linux"
                : null;
        if (browser == null) {
            return java.util.Optional.ofNullable(system);
        }
        return java.util.Optional.of(system == null ? browser : browser + " (" + system + ")");
    }
}
