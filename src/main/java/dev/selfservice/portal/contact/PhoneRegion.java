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
 * Where a phone number typed without a +country code is read ({@code portal.phone-default-region}), on every page
 * that takes one, and the example number the pages show: a page in German shows a German number, whatever the
 * default region. The region is checked at start: a code libphonenumber does not know would refuse every national
 * number without saying why.
 */
@ApplicationScoped
@Startup
public class PhoneRegion {

    /** The message value that means "the default region" ({@code phone_example_region}). */
    static final String DEFAULT = "default";

    private final String region;

    public PhoneRegion(PortalConfig config) {
        String configured = config.phoneDefaultRegion().strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(configured)) {
            throw new IllegalStateException("portal.phone-default-region (PHONE_DEFAULT_REGION) is '"
                    + config.phoneDefaultRegion() + "', which is no region libphonenumber knows: give an ISO 3166 code such as US or DE");
        }
        this.region = configured;
    }

    /** A phone number as people type it, read in the default region unless it starts with +country code. */
    public ContactAddress read(String typed) throws ContactAddress.Invalid {
        return ContactAddress.phone(typed, region);
    }

    /** The default region's name in {@code language}. */
    public String regionName(Locale language) {
        return new Locale("", region).getDisplayCountry(language);
    }

    /**
     * An example mobile number in international form, of {@code exampleRegion} (a page language's
     * {@code phone_example_region}), or of the default region where that is {@value #DEFAULT} or unknown.
     */
    public String example(String exampleRegion) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String r = exampleRegion == null ? DEFAULT : exampleRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(r)) {
            r = region;
        }
        Phonenumber.PhoneNumber number = util.getExampleNumberForType(r, PhoneNumberUtil.PhoneNumberType.MOBILE);
        return number == null ? "" : util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /** What the pages read: {@code {phone:region}} and {@code {phone:example(msg:phone_example_region)}}. */
    @TemplateExtension(namespace = "phone")
    static final class Hints {

        static String region() {
            return phoneRegion().regionName(PageLanguage.currentLocale());
        }

        static String example(String exampleRegion) {
            return phoneRegion().example(exampleRegion);
        }

        private static PhoneRegion phoneRegion() {
            return Arc.container().instance(PhoneRegion.class).get();
        }
    }
}
