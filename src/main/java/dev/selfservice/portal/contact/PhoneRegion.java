package dev.selfservice.portal.contact;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.selfservice.portal.PortalConfig;
import dev.selfservice.portal.web.PageLanguage;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.runtime.Startup;

/**
 * Where a phone number typed without a +country code is read, on every page that takes one, and the example number
 * the pages show. With {@code portal.phone-default-region} set, everywhere in that region; unset, in the page
 * language's region ({@code phone_example_region}: a German page reads {@code 0151 23456789} as German, an English
 * one, whose value is {@value #DEFAULT}, as US). The setting is checked at start: a code libphonenumber does not know
 * would refuse every national number without saying why.
 */
@ApplicationScoped
@Startup
public class PhoneRegion {

    /** The message value that means "no region of its own" ({@code phone_example_region}). */
    static final String DEFAULT = "default";

    /** Where a page language without a region of its own reads numbers when no region is set: what it always was. */
    static final String FALLBACK = "US";

    private final java.util.Optional<String> configured;

    public PhoneRegion(PortalConfig config) {
        this.configured = config.phoneDefaultRegion().map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> r.toUpperCase(Locale.ROOT));
        configured.filter(r -> !known(r)).ifPresent(r -> {
            throw new IllegalStateException("portal.phone-default-region (PHONE_DEFAULT_REGION) is '"
                    + config.phoneDefaultRegion().orElse("") + "', which is no region libphonenumber knows: give an ISO 3166 code such as US or DE");
        });
    }

    private static boolean known(String region) {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }

    /** A phone number as people type it, read in this page's region unless it starts with +country code. */
    public ContactAddress read(String typed) throws ContactAddress.Invalid {
        return ContactAddress.phone(typed, regionFor(PageLanguage.currentLocale()));
    }

    /** The region a number without +country code is read in on a page in {@code language}. */
    public String regionFor(Locale language) {
        return configured.orElseGet(() -> {
            String own = PageLanguage.messagesIn(language).phone_example_region().strip().toUpperCase(Locale.ROOT);
            return known(own) ? own : FALLBACK;
        });
    }

    /** That region's name in {@code language}. */
    public String regionName(Locale language) {
        return new Locale("", regionFor(language)).getDisplayCountry(language);
    }

    /** That region's country calling code, as it is typed: {@code +49}. */
    public String callingCode(Locale language) {
        return "+" + PhoneNumberUtil.getInstance().getCountryCodeForRegion(regionFor(language));
    }

    /**
     * An example mobile number in international form, of {@code exampleRegion} (a page language's
     * {@code phone_example_region}), or of the region numbers are read in where that is {@value #DEFAULT} or unknown.
     */
    public String example(String exampleRegion) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String r = exampleRegion == null ? DEFAULT : exampleRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(r)) {
            r = regionFor(PageLanguage.currentLocale());
        }
        Phonenumber.PhoneNumber number = util.getExampleNumberForType(r, PhoneNumberUtil.PhoneNumberType.MOBILE);
        return number == null ? "" : util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * What the pages read: {@code {phone:region}}, {@code {phone:callingCode}} and
     * {@code {phone:example(msg:phone_example_region)}}.
     */
    @TemplateExtension(namespace = "phone")
    static final class Hints {

        static String region() {
            return phoneRegion().regionName(PageLanguage.currentLocale());
        }

        static String callingCode() {
            return phoneRegion().callingCode(PageLanguage.currentLocale());
        }

        static String example(String exampleRegion) {
            return phoneRegion().example(exampleRegion);
        }

        private static PhoneRegion phoneRegion() {
            return Arc.container().instance(PhoneRegion.class).get();
        }
    }
}
