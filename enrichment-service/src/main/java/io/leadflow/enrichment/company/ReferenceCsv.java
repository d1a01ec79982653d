package io.leadflow.enrichment.company;

import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.enrichment.domain.Websites;
import io.leadflow.web.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reference-data CSV: a header line naming the columns {@code domain} (required), {@code name}, {@code industry},
 * {@code employees}, {@code revenue}, {@code country} (ISO 3166 alpha-2), in any order; values as free text (the merge
 * normalises them). The domain may be written as a web site ("https://www.acme.com/").
 */
public final class ReferenceCsv {

    public static final Set<String> COLUMNS = Set.of("domain", "name", "industry", "employees", "revenue", "country");
    private static final Map<String, Integer> MAX = Map.of("name", 200, "industry", 100, "employees", 50, "revenue", 50);
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    /** The rows read, keyed by domain (a later line wins), and what was wrong with the others (line: field). */
    public record Parsed(Map<String, CompanyFacts> companies, List<FieldError> errors) {
    }

    private ReferenceCsv() {
    }

    public static Parsed parse(Reader csv) {
        Map<String, CompanyFacts> companies = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                String column = header.strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(column)) {
                    errors.add(new FieldError("header", "unknown column " + header + "; known: " + COLUMNS));
                }
                columns.put(column, header);
            }
            if (!columns.containsKey("domain")) {
                errors.add(new FieldError("header", "a domain column is required"));
            }
            if (!errors.isEmpty()) {
                return new Parsed(Map.of(), errors);
            }
            for (CSVRecord row : parser) {
                String line = "line " + (row.getRecordNumber() + 1);
                String domain = Websites.domainOf(cell(row, columns, "domain"));
                if (domain == null) {
                    errors.add(new FieldError(line + ": domain", "must be a domain such as acme.com"));
                    continue;
                }
                String country = cell(row, columns, "country");
                if (country != null && !COUNTRY.matcher(country).matches()) {
                    errors.add(new FieldError(line + ": country", "must be an ISO 3166 alpha-2 code such as FR"));
                    continue;
                }
                boolean tooLong = false;
                for (var max : MAX.entrySet()) {
                    String value = cell(row, columns, max.getKey());
                    if (value != null && value.length() > max.getValue()) {
                        errors.add(new FieldError(line + ": " + max.getKey(), "must be at most " + max.getValue() + " characters"));
                        tooLong = true;
                    }
                }
                if (!tooLong) {
                    companies.put(domain, new CompanyFacts(cell(row, columns, "name"), domain, cell(row, columns, "industry"),
                            cell(row, columns, "employees"), cell(row, columns, "revenue"),
                            country == null ? null : country.toUpperCase(Locale.ROOT)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv: a duplicate header, an unterminated quote.
            errors.add(new FieldError("csv", e.getMessage()));
        }
        return new Parsed(companies, errors);
    }

    private static String cell(CSVRecord row, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !row.isSet(header)) {
            return null;
        }
        String value = row.get(header);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
