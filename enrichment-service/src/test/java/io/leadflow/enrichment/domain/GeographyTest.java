package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class GeographyTest {

    private static final Geography GEOGRAPHY = Geography.shipped();

    @ParameterizedTest
    @CsvSource({
            "FR, EMEA, Europe/Paris", "gb, EMEA, Europe/London", "DE, EMEA, Europe/Berlin", "ZA, EMEA, Africa/Johannesburg",
            "AE, EMEA, Asia/Dubai", "IL, EMEA, Asia/Jerusalem", "IS, EMEA, Atlantic/Reykjavik",
            "US, NA, America/New_York", "CA, NA, America/Toronto", "MX, LATAM, America/Mexico_City",
            "BR, LATAM, America/Sao_Paulo", "AR, LATAM, America/Argentina/Buenos_Aires", "JM, LATAM, America/Jamaica",
            "IN, APAC, Asia/Kolkata", "JP, APAC, Asia/Tokyo", "AU, APAC, Australia/Sydney", "NZ, APAC, Pacific/Auckland",
            "SG, APAC, Asia/Singapore", "MU, EMEA, Indian/Mauritius", "MV, APAC, Indian/Maldives",
    })
    void aCountryHasItsRegionAndMainTimeZone(String country, String region, String zone) {
        Geography.Place place = GEOGRAPHY.of(country);
        assertThat(place.country()).isEqualTo(country.toUpperCase());
        assertThat(place.region()).isEqualTo(region);
        assertThat(place.timeZone()).isEqualTo(zone);
    }

    @Test
    void everyCountryHasAZoneJavaKnowsAndARegionExceptAntarctica() {
        assertThat(GEOGRAPHY.countries()).hasSizeGreaterThan(240);
        for (String country : GEOGRAPHY.countries()) {
            Geography.Place place = GEOGRAPHY.of(country);
            assertThat(ZoneId.of(place.timeZone())).as(country).isNotNull();
            if (!country.equals("AQ")) {
                assertThat(place.region()).as(country).isIn("EMEA", "NA", "LATAM", "APAC");
            }
        }
    }

    @Test
    void anUnknownOrMissingCountryHasNoPlace() {
        assertThat(GEOGRAPHY.of(null)).isEqualTo(new Geography.Place(null, null, null));
        assertThat(GEOGRAPHY.of("XX")).isEqualTo(new Geography.Place(null, null, null));
    }
}
