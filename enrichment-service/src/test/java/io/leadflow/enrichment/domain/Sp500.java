package io.leadflow.enrichment.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The S&P 500 constituents in ../shared/data/companies (ODC-PDDL; test data, never shipped). */
final class Sp500 {

    /** One company: ticker, name, GICS sub-industry. */
    record Company(String symbol, String security, String subIndustry) {
    }

    private Sp500() {
    }

    static List<Company> companies() {
        // From the module directory when Maven runs the tests, from the project root in an IDE.
        Path file = Path.of("../../shared/data/companies/sp500_constituents.csv");
        if (!Files.exists(file)) {
            file = Path.of("../shared/data/companies/sp500_constituents.csv");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream()
                    .map(Sp500::company).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Company company(CSVRecord row) {
        return new Company(row.get("Symbol"), row.get("Security"), row.get("GICS Sub-Industry"));
    }
}
