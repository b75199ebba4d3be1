package dev.selfservice.portal.signin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The one place where a username as an employee knows it becomes the name the AD connection signs in with (its
 * {@code sAMAccountName}, which the connector's default {@code LDAP_USER_BY_NAME} matches): {@code erin},
 * {@code erin@corp.example} (a configured UPN suffix) and {@code CORP\erin} (a configured NetBIOS domain) are all
 * {@code erin}. It assumes what AD sets by default, that the UPN's name part is the {@code sAMAccountName}.
 * <p>
 * A form it cannot read (another domain, another suffix) is no username at all: every page that takes one answers it
 * exactly as an unknown username, and nothing about it is sent to Auth0.
 */
@ApplicationScoped
@Named("adUsername") // the pages' hint shows its examples
public class AdUsername {

    private static final int MAX_LENGTH = 256;

    private final List<String> upnSuffixes;
    private final List<String> netbiosDomains;

    public AdUsername(UsernameSettings settings) {
        this.upnSuffixes = settings.upnSuffixes().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        this.netbiosDomains = settings.netbiosDomains().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code typed} could be a username in any form: present, short, without control characters. */
    public static boolean wellFormed(String typed) {
        return typed != null && !typed.isBlank() && typed.strip().length() <= MAX_LENGTH
                && typed.chars().noneMatch(Character::isISOControl);
    }

    /**
     * Whether {@code typed} is an email address of a domain that is none of the UPN suffixes: a personal address typed
     * where the work username goes. Judged from the text alone, so that saying it tells nothing about any account.
     */
    public boolean personalEmail(String typed) {
        if (!wellFormed(typed) || typed.indexOf('\\') >= 0) {
            return false;
        }
        String name = typed.strip();
        int at = name.lastIndexOf('@');
        if (at <= 0 || at == name.length() - 1) {
            return false;
        }
        String domain = name.substring(at + 1);
        return domain.indexOf('.') > 0 && !domain.endsWith(".") && upnSuffixes.stream().noneMatch(domain::equalsIgnoreCase);
    }

    /** The name the AD connection signs in with, or empty when {@code typed} is no username of this domain. */
    public Optional<String> signInName(String typed) {
        if (!wellFormed(typed)) {
            return Optional.empty();
        }
        String name = typed.strip();
        int backslash = name.indexOf('\\');
        if (backslash >= 0) {
            String domain = name.substring(0, backslash);
            return netbiosDomains.stream().anyMatch(domain::equalsIgnoreCase) ? plain(name.substring(backslash + 1))
                    : Optional.empty();
        }
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            String suffix = name.substring(at + 1);
            return upnSuffixes.stream().anyMatch(suffix::equalsIgnoreCase) ? plain(name.substring(0, at))
                    : Optional.empty();
        }
        return plain(name);
    }

    /**
     * How the pages show which forms they take, for the example username {@code name}: {@code name}, then
     * {@code name@suffix} and {@code DOMAIN\name} for the first of each configured.
     */
    public List<String> examples(String name) {
        java.util.ArrayList<String> forms = new java.util.ArrayList<>(List.of(name));
        upnSuffixes.stream().findFirst().ifPresent(s -> forms.add(name + "@" + s.toLowerCase(Locale.ROOT)));
        netbiosDomains.stream().findFirst().ifPresent(d -> forms.add(d.toUpperCase(Locale.ROOT) + "\\" + name));
        return List.copyOf(forms);
    }

    /** The forms the pages show under a username field, for the example name {@code jdoe}. */
    public String examples() {
        return String.join(", ", examples("jdoe"));
    }

    /** A name part with no further domain in it. */
    private static Optional<String> plain(String name) {
        String n = name.strip();
        return n.isEmpty() || n.indexOf('\\') >= 0 || n.indexOf('@') >= 0 ? Optional.empty() : Optional.of(n);
    }
}
