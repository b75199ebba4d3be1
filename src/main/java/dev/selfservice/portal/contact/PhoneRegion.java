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
 * Where a phone number typed without a +country code is read ({@code portal.phone-default-region}, {@value #FALLBACK}
 * when unset), on every page that takes one whatever its language, and the example numbers the pages show: a page
 * in German shows a German number. The setting is checked at start: a code libphonenumber does not know would
 * refuse every national number without saying why.
 */
@ApplicationScoped
@Startup
public class PhoneRegion {

    /** The message value that means "no region of its own" ({@code phone_example_region}). */
    static final String DEFAULT = "default";

    /** Where numbers are read when no region is set. */
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

    /**
     * The region a number without +country code is read in: the organisation's, on a page in any language. It once
     * followed the page's language, and a US number typed on a German page was sent to +49: a stranger's phone.
     */
    public String regionFor(Locale language) {
        return configured.orElse(FALLBACK);
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
     * An example for "from another country, start with + and its code": the page language's example where that is
     * another country than the one numbers are read in, else one of {@value #ANOTHER} (or, read there, of
     * {@value #FALLBACK}).
     */
    public String otherExample(String exampleRegion) {
        String read = regionFor(PageLanguage.currentLocale());
        String r = exampleRegion == null ? DEFAULT : exampleRegion.strip().toUpperCase(Locale.ROOT);
        if (!known(r) || r.equals(read)) {
            r = read.equals(ANOTHER) ? FALLBACK : ANOTHER;
        }
        return example(r);
    }

    /** The country of an example number from abroad, where the page's own is the one numbers are read in. */
    static final String ANOTHER = "GB";

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

        static String otherExample(String exampleRegion) {
            return phoneRegion().otherExample(exampleRegion);
        }

        private static PhoneRegion phoneRegion() {
            return Arc.container().instance(PhoneRegion.class).get();
        }
    }
}
