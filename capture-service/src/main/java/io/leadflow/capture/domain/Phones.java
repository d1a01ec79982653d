package io.leadflow.capture.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in E.164 with libphonenumber. The lead's country is the hint for national
 * numbers ("06 12 34 56 78" with FR is +33612345678); without it only an international number
 * (+...) can be read. "Possible" (a plausible length for the country) is the bar, not "valid":
 * numbering plans change faster than the library, and a lead must not be refused for that.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Either an E.164 number or the reason it could not be read. */
    public record Parsed(String e164, String problem) {
    }

    private Phones() {
    }

    public static Parsed e164(String typed, String countryHint) {
        String region = countryHint == null ? "ZZ" : countryHint;
        try {
            PhoneNumber number = UTIL.parse(typed, region);
            if (!UTIL.isPossibleNumber(number)) {
                return new Parsed(null, "is not a possible phone number" + (countryHint == null ? "" : " for " + countryHint));
            }
            return new Parsed(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return new Parsed(null, switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> countryHint == null
                        ? "needs an international prefix such as +33, or a country"
                        : "has an unknown international prefix";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "is too short";
                case TOO_LONG -> "is too long";
                case NOT_A_NUMBER -> "is not a phone number";
            });
        }
    }
}
