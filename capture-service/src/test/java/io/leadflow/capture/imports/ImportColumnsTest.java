package io.leadflow.capture.imports;

import io.leadflow.capture.imports.ImportColumns.Field;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImportColumnsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    // Quoted with " so that the apostrophe of "Chiffre d'affaires" is a letter.
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "email|EMAIL", "EMAIL|EMAIL", "E-mail|EMAIL", "Email Address|EMAIL", " e_mail |EMAIL",
            "firstName|FIRST_NAME", "First Name|FIRST_NAME", "first_name|FIRST_NAME",
            "Last Name|LAST_NAME", "Surname|LAST_NAME", "Company Name|COMPANY", "company|COMPANY",
            "Job Title|JOB_TITLE", "Title|JOB_TITLE", "jobtitle|JOB_TITLE", "Phone Number|PHONE", "Country|COUNTRY",
            "utm_source|UTM_SOURCE", "UTM Source|UTM_SOURCE", "utm.campaign|UTM_CAMPAIGN", "utm_content|UTM_CONTENT",
            "consent|CONSENT", "consentText|CONSENT_TEXT", "Consent Version|CONSENT_VERSION", "formId|FORM_ID",
            "pageUrl|PAGE_URL", "referrer|REFERRER", "Notes|MESSAGE",
            "State|STATE", "Province|STATE", "State/Province|STATE", "State or Province|STATE", "State/Region|STATE",
            "Région|STATE", "Region|STATE",
            "Website|WEBSITE", "Company Website|WEBSITE", "Site web|WEBSITE", "Site Internet|WEBSITE", "Domain|WEBSITE",
            "Company Domain Name|WEBSITE", "web_site|WEBSITE",
            "Industry|INDUSTRY", "Secteur|INDUSTRY", "Secteur d'activité|INDUSTRY", "Secteur d’activité|INDUSTRY",
            "Employees|EMPLOYEES", "Company Size|EMPLOYEES", "Number of Employees|EMPLOYEES", "No. of Employees|EMPLOYEES",
            "Employee Count|EMPLOYEES", "Effectif|EMPLOYEES",
            "Annual Revenue|REVENUE", "Revenue|REVENUE", "Chiffre d'affaires|REVENUE", "Chiffre d’affaires|REVENUE",
            "Annual Turnover|REVENUE"})
    void knowsTheApiNamesInAnyCaseAndTheCommonAliases(String header, Field field) {
        ImportColumns columns = ImportColumns.of(List.of("x-id", header, "email".equalsIgnoreCase(ImportColumns.key(header))
                || field == Field.EMAIL ? "other" : "email"));

        assertThat(columns.cell(List.of("1", "value", "ada@acme.com"), field)).isEqualTo("value");
    }

    @Test
    void unknownAndUnnamedColumnsAreIgnoredAndTheUnknownOnesListed() {
        ImportColumns columns = ImportColumns.of(List.of("Badge ID", "Email", "", "Booth visited", "Last Name"));

        assertThat(columns.unknown()).containsExactly("Badge ID", "Booth visited");
        assertThat(columns.width()).isEqualTo(5);
        assertThat(columns.cell(List.of("b1", "ada@acme.com", "", "B12", "Lovelace"), Field.LAST_NAME)).isEqualTo("Lovelace");
        assertThat(columns.has(Field.COMPANY)).isFalse();
    }

    @Test
    void aFileWithoutAnEmailColumnIsRefusedNamingEmail() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ImportColumns.of(List.of("First Name", "Company")));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("email");
    }

    @Test
    void twoColumnsForOneFieldAreRefused() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ImportColumns.of(List.of("Email", "First Name", "E-mail")));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(refused.errors().get(0).reason()).contains("\"Email\" (column 1)", "\"E-mail\" (column 3)");
    }
}
