package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "ACME Robotics, Inc.; acme robotics", "Acme Robotics; acme robotics", "Apple Inc.; apple", "APPLE; apple",
            "Microsoft Corporation; microsoft", "JPMorgan Chase & Co.; jpmorgan chase", "Procter & Gamble; procter and gamble",
            "Procter and Gamble Co; procter and gamble", "3M Company; 3m", "The Coca-Cola Company; coca cola",
            "Coca-Cola Company (The); coca cola", "Hartford (The); hartford", "Alphabet Inc. (Class A); alphabet",
            "McDonald's; mcdonalds", "O’Reilly Automotive; oreilly automotive", "Amazon.com, Inc.; amazon",
            "AT&T; att", "AT & T Inc.; att", "PG&E Corporation; pge", "S&P Global; sp global", "KKR & Co.; kkr",
            "Merck & Co., Inc.; merck", "Arthur J. Gallagher & Co.; arthur j gallagher", "J.B. Hunt; jb hunt",
            "U.S. Bancorp; us bancorp", "Packaging Corp. of America; packaging corporation of america",
            "Warner Bros. Discovery; warner brothers discovery", "Abbott Labs; abbott laboratories",
            // legal forms of the main jurisdictions, with and without dots
            "Siemens AG; siemens", "Volkswagen GmbH & Co. KG; volkswagen", "Dassault Systèmes SE; dassault systemes",
            "Société Générale S.A.; societe generale", "Capgemini SAS; capgemini", "Doctolib S.A.S.; doctolib",
            "Boulangerie Dupont SARL; boulangerie dupont", "Atelier EURL; atelier", "Michelin SCA; michelin",
            "Michelin & Cie; michelin", "ASML Holding N.V.; asml holding", "Philips B.V.; philips", "Ferrari S.p.A.; ferrari",
            "Luxottica SpA; luxottica", "Pirelli S.r.l.; pirelli", "Nokia Oyj; nokia", "Kone Oy; kone", "Volvo AB (publ); volvo",
            "Equinor ASA; equinor", "Maersk A/S; maersk", "Novo ApS; novo", "Toyota K.K.; toyota",
            "Kabushiki Kaisha Toshiba; toshiba", "Sony Co., Ltd.; sony", "BHP Pty Ltd; bhp", "Grab Pte. Ltd.; grab",
            "Petronas Sdn. Bhd.; petronas", "Cemex S.A.B. de C.V.; cemex", "Bimbo S.A. de C.V.; bimbo",
            "Natura Ltda.; natura", "Banco Santander, S.A.; banco santander", "Inditex S.L.; inditex",
            "PT Bank Central Asia Tbk; bank central asia", "Tesco PLC; tesco", "Acme LLC; acme", "Acme L.L.C.; acme",
            "Acme LLP; acme", "Acme, L.P.; acme", "Acme Limited; acme", "Acme Incorporated; acme",
            // accents, letters NFKD keeps, case, spaces
            "Nestlé S.A.; nestle", "Bürkert Fluid Control; burkert fluid control", "Großmann Ltd; grossmann",
            "Ørsted A/S; orsted", "Łukasiewicz; lukasiewicz", "  L'Oréal   ; loreal", "ÉLECTRICITÉ DE FRANCE; electricite de france",
            // the last word stays
            "The Limited; limited", "Company; company", "Inc.; inc",
            // nothing left
            "   ; NULL", "!!!; NULL", "NULL; NULL",
    })
    void normalize(String typed, String normalized) {
        assertThat(CompanyNames.normalize(typed)).isEqualTo(normalized);
    }

    @Test
    void typedVariantsOfOneCompanyNormaliseAlike() {
        for (List<String> same : List.of(
                List.of("ACME Robotics, Inc.", "Acme Robotics", "acme robotics inc", "Acme-Robotics LLC", "The Acme Robotics Company"),
                List.of("Procter & Gamble", "Procter and Gamble", "PROCTER & GAMBLE CO.", "Procter&Gamble"),
                List.of("Estée Lauder Companies (The)", "ESTEE LAUDER COMPANIES", "Estee Lauder Companies Inc."),
                List.of("Capgemini SE", "Capgemini S.E.", "CAPGEMINI"))) {
            assertThat(same.stream().map(CompanyNames::normalize).distinct()).as(same.toString()).hasSize(1);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "The Goldman Sachs Group, Inc.; goldman sachs", "Expedia Group; expedia", "Booking Holdings Inc.; booking",
            "Marriott International; marriott", "Mondelez International, Inc.; mondelez", "T-Mobile US; t mobile",
            "Acme Europe Ltd; acme",
            // the first word names the company
            "International Paper; international paper", "Global Payments; global payments",
            "American International Group; american",
            // nothing but generic words: no key
            "Global Holdings Group; NULL", "International Group Inc.; NULL", "The Group; NULL",
    })
    void keyDropsGenericWords(String typed, String key) {
        assertThat(CompanyNames.key(typed)).isEqualTo(key);
    }
}
