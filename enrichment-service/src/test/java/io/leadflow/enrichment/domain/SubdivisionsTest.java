package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class SubdivisionsTest {

    private static final Subdivisions SUBDIVISIONS = Subdivisions.shipped();

    private static final Map<String, String> STATES = Map.ofEntries(entry("AL", "Alabama"), entry("AK", "Alaska"),
            entry("AZ", "Arizona"), entry("AR", "Arkansas"), entry("CA", "California"), entry("CO", "Colorado"),
            entry("CT", "Connecticut"), entry("DE", "Delaware"), entry("FL", "Florida"), entry("GA", "Georgia"),
            entry("HI", "Hawaii"), entry("ID", "Idaho"), entry("IL", "Illinois"), entry("IN", "Indiana"), entry("IA", "Iowa"),
            entry("KS", "Kansas"), entry("KY", "Kentucky"), entry("LA", "Louisiana"), entry("ME", "Maine"),
            entry("MD", "Maryland"), entry("MA", "Massachusetts"), entry("MI", "Michigan"), entry("MN", "Minnesota"),
            entry("MS", "Mississippi"), entry("MO", "Missouri"), entry("MT", "Montana"), entry("NE", "Nebraska"),
            entry("NV", "Nevada"), entry("NH", "New Hampshire"), entry("NJ", "New Jersey"), entry("NM", "New Mexico"),
            entry("NY", "New York"), entry("NC", "North Carolina"), entry("ND", "North Dakota"), entry("OH", "Ohio"),
            entry("OK", "Oklahoma"), entry("OR", "Oregon"), entry("PA", "Pennsylvania"), entry("RI", "Rhode Island"),
            entry("SC", "South Carolina"), entry("SD", "South Dakota"), entry("TN", "Tennessee"), entry("TX", "Texas"),
            entry("UT", "Utah"), entry("VT", "Vermont"), entry("VA", "Virginia"), entry("WA", "Washington"),
            entry("WV", "West Virginia"), entry("WI", "Wisconsin"), entry("WY", "Wyoming"));

    /** Code, English name, French name. */
    private static final List<List<String>> PROVINCES = List.of(List.of("AB", "Alberta", "Alberta"),
            List.of("BC", "British Columbia", "Colombie-Britannique"), List.of("MB", "Manitoba", "Manitoba"),
            List.of("NB", "New Brunswick", "Nouveau-Brunswick"),
            List.of("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
            List.of("NS", "Nova Scotia", "Nouvelle-Écosse"), List.of("NT", "Northwest Territories", "Territoires du Nord-Ouest"),
            List.of("NU", "Nunavut", "Nunavut"), List.of("ON", "Ontario", "Ontario"),
            List.of("PE", "Prince Edward Island", "Île-du-Prince-Édouard"), List.of("QC", "Quebec", "Québec"),
            List.of("SK", "Saskatchewan", "Saskatchewan"), List.of("YT", "Yukon", "Yukon"));

    @Test
    void all50StatesByNameAndCodeWithOrWithoutTheCountry() {
        assertThat(STATES).hasSize(50);
        STATES.forEach((code, name) -> {
            Subdivisions.Subdivision state = new Subdivisions.Subdivision("US-" + code, name, "US");
            for (String country : new String[]{"US", "us", null}) {
                assertThat(SUBDIVISIONS.of(name, country)).as(name + " " + country).contains(state);
                assertThat(SUBDIVISIONS.of(name.toUpperCase(Locale.ROOT), country)).as(name).contains(state);
                assertThat(SUBDIVISIONS.of(code, country)).as(code + " " + country).contains(state);
                assertThat(SUBDIVISIONS.of(code.toLowerCase(Locale.ROOT), country)).as(code).contains(state);
                assertThat(SUBDIVISIONS.of("US-" + code, country)).as(code).contains(state);
            }
            assertThat(SUBDIVISIONS.of(name, "CA")).as(name + " in Canada").isEmpty();
        });
    }

    @Test
    void allProvincesAndTerritoriesInEnglishAndFrench() {
        assertThat(PROVINCES).hasSize(13);
        for (List<String> p : PROVINCES) {
            Subdivisions.Subdivision province = new Subdivisions.Subdivision("CA-" + p.get(0), p.get(1), "CA");
            for (String country : new String[]{"CA", null}) {
                assertThat(SUBDIVISIONS.of(p.get(1), country)).as(p.get(1)).contains(province);
                assertThat(SUBDIVISIONS.of(p.get(2), country)).as(p.get(2)).contains(province);
                assertThat(SUBDIVISIONS.of(p.get(2).toUpperCase(Locale.ROOT), country)).as(p.get(2)).contains(province);
                assertThat(SUBDIVISIONS.of("CA-" + p.get(0), country)).as(p.get(0)).contains(province);
            }
            assertThat(SUBDIVISIONS.of(p.get(0), "CA")).as(p.get(0)).contains(province);
            assertThat(SUBDIVISIONS.of(p.get(1), "US")).as(p.get(1) + " in the US").isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // US abbreviations and spellings
            "Calif.; NULL; US-CA", "calif; US; US-CA", "Mass.; NULL; US-MA", "N.Y.; NULL; US-NY", "n.y.; US; US-NY",
            "NY State; NULL; US-NY", "State of New York; NULL; US-NY", "New York State; US; US-NY", "Wash.; NULL; US-WA",
            "Washington State; NULL; US-WA", "Washington, D.C.; NULL; US-DC", "D.C.; US; US-DC", "District of Columbia; NULL; US-DC",
            "Penn.; NULL; US-PA", "Commonwealth of Pennsylvania; NULL; US-PA", "W. Va.; NULL; US-WV", "W.Va.; US; US-WV",
            "Tex.; NULL; US-TX", "Fla.; NULL; US-FL", "Ill.; NULL; US-IL", "Hawai'i; NULL; US-HI", "Hawaï; NULL; US-HI",
            "N. Dak.; NULL; US-ND", "Californie; NULL; US-CA", "Caroline du Nord; NULL; US-NC", "Géorgie; NULL; US-GA",
            "Georgia; NULL; US-GA", "Georgia; US; US-GA",
            // US territories
            "Puerto Rico; NULL; US-PR", "PR; US; US-PR", "Guam; NULL; US-GU", "U.S. Virgin Islands; NULL; US-VI",
            "VI; US; US-VI", "American Samoa; NULL; US-AS", "AS; US; US-AS", "Northern Mariana Islands; NULL; US-MP",
            "MP; US; US-MP", "United States Minor Outlying Islands; NULL; US-UM", "UM; US; US-UM",
            // Canadian abbreviations and spellings
            "PQ; NULL; CA-QC", "P.Q.; CA; CA-QC", "Que.; NULL; CA-QC", "Qué.; CA; CA-QC", "qc; CA; CA-QC",
            "Province de Québec; NULL; CA-QC", "province of quebec; NULL; CA-QC", "QUEBEC; CA; CA-QC", "Nfld; NULL; CA-NL",
            "Nfld.; CA; CA-NL", "Newfoundland; NULL; CA-NL", "Terre-Neuve; NULL; CA-NL", "Terre Neuve et Labrador; NULL; CA-NL",
            "N.W.T.; NULL; CA-NT", "NWT; CA; CA-NT", "P.E.I.; NULL; CA-PE", "PEI; CA; CA-PE", "Ile du Prince Edouard; NULL; CA-PE",
            "Nouvelle Ecosse; NULL; CA-NS", "Nouveau Brunswick; NULL; CA-NB", "Colombie Britannique; NULL; CA-BC",
            "C.-B.; CA; CA-BC", "B.C.; NULL; CA-BC", "Ont.; NULL; CA-ON", "Alta.; NULL; CA-AB", "Sask.; NULL; CA-SK",
            "Man.; CA; CA-MB", "Yukon Territory; NULL; CA-YT",
            // codes with their country, or without: one meaning only
            "CA; NULL; US-CA", "CA; US; US-CA", "ca; NULL; US-CA", "US-CA; NULL; US-CA", "us ca; NULL; US-CA",
            "CA-QC; NULL; CA-QC", "ON; NULL; CA-ON", "BC; NULL; CA-BC", "  mass  ; NULL; US-MA",
    })
    void abbreviationsAndSpellings(String typed, String country, String code) {
        Optional<Subdivisions.Subdivision> found = SUBDIVISIONS.of(typed, country);
        assertThat(found).as(typed).isPresent();
        assertThat(found.get().code()).isEqualTo(code);
        assertThat(found.get().country()).isEqualTo(code.substring(0, 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // the other country's
            "CA; CA", "California; CA", "Texas; CA", "QC; US", "Quebec; US", "Ontario; US", "US-CA; CA", "CA-QC; US",
            // other countries: not known
            "Georgia; GE", "Texas; MX", "Bavaria; DE", "Ontario; FR", "CA; FR", "NY; GB",
            // not a subdivision
            "Bavaria; NULL", "Île-de-France; NULL", "England; NULL", "XX; US", "C; US", "New; US", "North; NULL",
            "Virginia Beach; US", "Canada; NULL", "United States; NULL", "USA; US", "usca; NULL", "; US", "NULL; NULL",
            "   ; NULL", "...; US",
    })
    void negatives(String typed, String country) {
        assertThat(SUBDIVISIONS.of(typed, country)).as(typed + " / " + country).isEmpty();
    }

    @Test
    void theTableHas50StatesDcSixAreasAnd13Provinces() {
        List<Subdivisions.Subdivision> all = SUBDIVISIONS.all();
        assertThat(all.stream().filter(s -> s.country().equals("US"))).hasSize(57);
        assertThat(all.stream().filter(s -> s.country().equals("CA"))).hasSize(13);
        assertThat(all).allSatisfy(s -> assertThat(s.code()).matches("(US|CA)-[A-Z]{2}"));
        assertThat(SUBDIVISIONS).isSameAs(Subdivisions.shipped()); // read once
    }

    @Test
    void aTextNamingTwoSubdivisionsOfOneCountryIsRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Subdivisions.load(List.of("code,name,name_fr,aliases",
                "US-AA,Alpha,,Zed", "US-BB,Beta,,Zed.")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTextBothCountriesHaveNeedsTheCountry() {
        // The shipped table has none; were one added, it would be read only with its country.
        Subdivisions table = Subdivisions.load(List.of("code,name,name_fr,aliases", "US-NE,Nebraska,,Neb.|N.E.",
                "CA-NS,Nova Scotia,Nouvelle-Écosse,N.-É."));
        assertThat(table.of("NE", null)).isEmpty();
        assertThat(table.of("NE", "US").map(Subdivisions.Subdivision::code)).contains("US-NE");
        assertThat(table.of("N.-É.", "CA").map(Subdivisions.Subdivision::code)).contains("CA-NS");
        assertThat(table.of("Neb.", null).map(Subdivisions.Subdivision::code)).contains("US-NE");
    }
}
