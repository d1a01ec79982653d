package io.leadflow.enrichment.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;

/**
 * What a phone number is, by libphonenumber's metadata: E.164, whether the number can exist (its length and prefix
 * match a numbering plan), its type (a mobile is worth a text; a toll-free number is a switchboard) and the country
 * it belongs to. Capture already stores phones in E.164 (with the lead's country as the hint), so this reads them
 * without a region; a number that does not parse gives {@code valid: false} and type {@code unknown}.
 */
public record PhoneFacts(String e164, boolean valid, String type, String country) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The facts of a phone as captured; null when the lead gave none. */
    public static PhoneFacts of(String phone, String countryHint) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, countryHint == null ? "ZZ" : countryHint.toUpperCase(Locale.ROOT));
            boolean valid = PHONES.isValidNumber(number);
            String type = valid ? PHONES.getNumberType(number).name().toLowerCase(Locale.ROOT) : "unknown";
            String region = PHONES.getRegionCodeForNumber(number);
            return new PhoneFacts(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), valid, type,
                    region == null || "ZZ".equals(region) ? null : region);
        } catch (NumberParseException e) {
            return new PhoneFacts(null, false, "unknown", null);
        }
    }
}
