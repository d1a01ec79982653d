package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IndustriesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "SaaS; software_internet", "Logiciel; software_internet", "Éditeur de logiciels; software_internet",
            "Banking; financial_services", "Banque et assurance; financial_services", "Fintech; financial_services",
            "Industrie; manufacturing_industrial", "Industrie automobile; manufacturing_industrial",
            "BTP; construction_real_estate", "Immobilier; construction_real_estate", "Agroalimentaire; food_beverage_agriculture",
            "Santé; healthcare_life_sciences", "Pharmaceuticals; healthcare_life_sciences", "ESN; it_services",
            "Conseil en management; professional_services", "Cabinet d'avocats; professional_services",
            "Transport et logistique; transport_logistics", "Hôtellerie; hospitality_travel_leisure",
            "Enseignement supérieur; education", "Administration publique; public_sector_nonprofit",
            "Télécommunications; telecom_media", "Énergies renouvelables; energy_utilities", "E-commerce; retail_consumer",
            "Chimie; materials_chemicals", "Oil & Gas Storage & Transportation; energy_utilities", "Knitting circles; other",
    })
    void freeTextFindsItsIndustry(String text, String industry) {
        assertThat(Industries.of(text)).isEqualTo(industry);
    }

    /** Every GICS sub-industry of the S&P 500 (../shared/data/companies, ODC-PDDL) is known: none falls to other. */
    @Test
    void everyGicsSubIndustryOfTheSp500HasAnIndustry() {
        Set<String> subIndustries = new TreeSet<>();
        Sp500.companies().forEach(company -> subIndustries.add(company.subIndustry()));
        assertThat(subIndustries).hasSizeGreaterThan(100);
        List<String> unknown = new ArrayList<>();
        for (String sub : subIndustries) {
            String industry = Industries.of(sub);
            if ("other".equals(industry)) {
                unknown.add(sub);
            }
        }
        assertThat(unknown).isEmpty();
    }
}
