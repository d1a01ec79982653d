package io.leadflow.capture.imports;

import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvLeadReaderTest {

    private static List<CsvLeadReader.Row> read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8), CsvLeadReader.Defaults.NONE);
    }

    private static List<CsvLeadReader.Row> read(byte[] csv, CsvLeadReader.Defaults defaults) throws IOException {
        List<CsvLeadReader.Row> rows = new ArrayList<>();
        try (CsvLeadReader reader = CsvLeadReader.open(new ByteArrayInputStream(csv), defaults)) {
            for (CsvLeadReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void rowsBecomeSubmissionsWithPhysicalLineNumbersAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        String csv = "Email,First Name,Company,Notes\r\n"
                + "ada@acme.com,Ada,\"Acme, Inc.\",\"said \"\"call me\"\"\r\nnext week\r\nplease\"\r\n"
                + "\r\n"
                + ",,,\r\n"
                + "lin@acme.com,Lin,Acme,\n";

        List<CsvLeadReader.Row> rows = read(csv);

        assertThat(rows).extracting(CsvLeadReader.Row::line).containsExactly(2L, 7L);
        LeadSubmission ada = rows.get(0).submission();
        assertThat(ada.email()).isEqualTo("ada@acme.com");
        assertThat(ada.company()).isEqualTo("Acme, Inc.");
        assertThat(ada.message()).as("line breaks in a cell are line feeds").isEqualTo("said \"call me\"\nnext week\nplease");
        assertThat(rows.get(1).submission().message()).as("blank cells are no value").isNull();
        assertThat(rows).allSatisfy(row -> assertThat(row.errors()).isEmpty());
    }

    @Test
    void theStateAndTheCompanyDetailsAreReadFromTheirCommonColumnNames() throws IOException {
        String csv = "Email,State/Province,Company Website,Secteur,Company Size,Chiffre d'affaires\n"
                + "ada@acme.com,Québec,https://www.acme.ca/fr,Logiciel,50 salariés,5M€\n";

        assertThat(read(csv)).singleElement().satisfies(row -> {
            assertThat(row.errors()).isEmpty();
            LeadSubmission s = row.submission();
            assertThat(List.of(s.state(), s.website(), s.industry(), s.employees(), s.revenue()))
                    .containsExactly("Québec", "https://www.acme.ca/fr", "Logiciel", "50 salariés", "5M€");
        });
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "email,company\nada@acme.com,Acme\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);

        assertThat(read(csv, CsvLeadReader.Defaults.NONE)).singleElement()
                .satisfies(row -> assertThat(row.submission().email()).isEqualTo("ada@acme.com"));
    }

    @Test
    void rowsWithTooManyOrTooFewCellsAreRejectedButTrailingEmptyCellsAreFine() throws IOException {
        List<CsvLeadReader.Row> rows = read("""
                email,firstName,company
                ada@acme.com,Ada,Acme,Robotics
                lin@acme.com,Lin
                grace@acme.com,Grace,Navy,,
                """);

        assertThat(rows.get(0).submission()).isNull();
        assertThat(rows.get(0).errors()).containsExactly(new FieldError("row",
                "has 4 cells where the header has 3 (a value with a comma must be quoted)"));
        assertThat(rows.get(1).errors()).containsExactly(new FieldError("row", "has 2 cells where the header has 3"));
        assertThat(rows.get(2).errors()).isEmpty();
        assertThat(rows.get(2).submission().company()).isEqualTo("Navy");
    }

    @Test
    void consentUtmAndTheUploadsDefaults() throws IOException {
        List<CsvLeadReader.Row> rows = read("""
                email,consent,consentText,utm_source,utm_campaign
                ada@acme.com,Yes,I agree,,
                lin@acme.com,0,,linkedin,
                bob@acme.com,maybe,,,spring
                """.getBytes(StandardCharsets.UTF_8), new CsvLeadReader.Defaults("trade-show", null, "websummit-2026", "booth"));

        LeadSubmission ada = rows.get(0).submission();
        assertThat(ada.consent().marketing()).isTrue();
        assertThat(ada.consent().text()).isEqualTo("I agree");
        assertThat(ada.utm().source()).isEqualTo("trade-show");
        assertThat(ada.utm().campaign()).isEqualTo("websummit-2026");
        assertThat(ada.formId()).isEqualTo("booth");
        assertThat(rows.get(1).submission().consent().marketing()).isFalse();
        assertThat(rows.get(1).submission().utm().source()).as("the row's own value wins").isEqualTo("linkedin");
        assertThat(rows.get(2).errors()).containsExactly(new FieldError("consent", "must be yes or no (true/false, 1/0 also do)"));
        assertThat(rows.get(2).submission().utm().campaign()).isEqualTo("spring");
    }

    @Test
    void aFileInTheCharsetItsSenderNames() throws IOException {
        byte[] csv = "email,company\nada@acme.com,Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n".getBytes(StandardCharsets.ISO_8859_1);

        try (CsvLeadReader reader = CsvLeadReader.open(new ByteArrayInputStream(csv), StandardCharsets.ISO_8859_1,
                CsvLeadReader.Defaults.NONE)) {
            assertThat(reader.next().submission().company()).isEqualTo("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale");
        }
    }

    @Test
    void anUnclosedQuoteEndsTheFileWithItsLine() throws IOException {
        List<CsvLeadReader.Row> rows = read("email,company\nada@acme.com,Acme\nlin@acme.com,\"Acme\nbob@acme.com,Bob\n");

        assertThat(rows).extracting(CsvLeadReader.Row::line).containsExactly(2L, 3L);
        assertThat(rows.get(1).submission()).isNull();
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("row");
            assertThat(e.reason()).startsWith("cannot be read, nor anything after it");
        });
    }

    @Test
    void cellsWithBytesThatAreNotUtf8AreRefusedWithTheirRowOnly() throws IOException {
        byte[] csv = "email,company\nada@acme.com,Acme\nlin@acme.com,Soci\u00e9t\u00e9\nbob@acme.com,Bob\n".getBytes(StandardCharsets.ISO_8859_1);

        List<CsvLeadReader.Row> rows = read(csv, CsvLeadReader.Defaults.NONE);

        assertThat(rows).extracting(row -> row.errors().size()).containsExactly(0, 1, 0);
        assertThat(rows.get(1).errors()).containsExactly(new FieldError("company", "is not UTF-8 text: save the file as CSV UTF-8 (or send its charset in Content-Type)"));
    }

    @Test
    void anEmptyFileOrOneWithoutEmailColumnIsRefused() {
        InputStream empty = new ByteArrayInputStream("\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> CsvLeadReader.open(empty, CsvLeadReader.Defaults.NONE))
                .errors()).extracting(FieldError::field).containsExactly("body");
        InputStream noEmail = new ByteArrayInputStream("name,company\nAda,Acme\n".getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> CsvLeadReader.open(noEmail, CsvLeadReader.Defaults.NONE))
                .errors()).extracting(FieldError::field).containsExactly("email");
    }
}
