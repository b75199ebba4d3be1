package dev.selfservice.portal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.selfservice.portal.auth0.PasswordlessChannel;

/** Addresses as people type them become what Auth0 takes, and are shown masked. */
class ContactAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+1 (425) 883-1929   | US | +14258831929",
            "(425) 883-1929      | US | +14258831929",
            "07911 123456        | GB | +447911123456",
            "+44 7911 123456     | US | +447911123456",
            "+49 151 23456789    | US | +4915123456789",
    })
    void phoneNumbersAreNormalisedToE164(String typed, String region, String e164) throws Exception {
        assertThat(ContactAddress.phone(typed, region).value()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "12", "+1 555", "not a number", "+999 1234567", "+1 425 883 1929 1234 5678 9012 3456 789" })
    void invalidPhoneNumbersAreRefused(String typed) {
        assertThatThrownBy(() -> ContactAddress.phone(typed, "US")).isInstanceOf(ContactAddress.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "plain", "a@b", "a b@example.com", "@example.com", "a@@example.com", "a@example..com" })
    void invalidEmailsAreRefused(String typed) {
        assertThatThrownBy(() -> ContactAddress.email(typed)).isInstanceOf(ContactAddress.Invalid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "Jane.Doe@Gmail.com, jane.doe@gmail.com", "  x+tag@example.co.uk , x+tag@example.co.uk" })
    void emailsAreTrimmedAndLowerCased(String typed, String kept) throws Exception {
        assertThat(ContactAddress.email(typed).value()).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource({ "EMAIL, jane@gmail.com, j\u2022\u2022\u2022@gmail.com",
            "SMS, +14258831929, +1 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 929",
            "SMS, +447911123456, +44 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022 456" })
    void contactsAreMasked(PasswordlessChannel channel, String value, String masked) {
        assertThat(ContactAddress.mask(channel, value)).isEqualTo(masked);
    }
}
