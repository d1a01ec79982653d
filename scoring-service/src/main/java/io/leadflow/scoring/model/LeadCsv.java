package io.leadflow.scoring.model;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads closed leads from a CSV through a {@link LeadMapping}: one {@link Outcome} per row, its
 * attributes as Strings (categorical) or Doubles (numeric, count), blanks left out. Excluded
 * columns are read too when mapped: keeping them out of the model is the features' job.
 */
public final class LeadCsv {

    private LeadCsv() {
    }

    public static List<Outcome> read(Path csv, LeadMapping mapping) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable outcomes " + csv, e);
        }
    }

    public static List<Outcome> read(Reader reader, LeadMapping mapping) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<Outcome> outcomes = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            require(header, mapping.outcome().column());
            for (LeadMapping.Column column : mapping.columns()) {
                require(header, column.column());
            }
            String positive = mapping.outcome().positive().trim().toLowerCase(Locale.ROOT);
            for (CSVRecord row : parser) {
                String label = row.get(mapping.outcome().column()).trim();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException("row " + row.getRecordNumber() + " has no outcome");
                }
                Map<String, Object> lead = new HashMap<>();
                for (LeadMapping.Column column : mapping.columns()) {
                    String text = row.get(column.column()).trim();
                    if (text.isEmpty()) {
                        continue;
                    }
                    lead.put(column.attributeName(), column.type() == AttributeType.CATEGORICAL ? text : number(text));
                }
                outcomes.add(new Outcome(lead, label.toLowerCase(Locale.ROOT).equals(positive)));
            }
        }
        return outcomes;
    }

    // Unreadable numbers stay text: the features read them as missing (or as a placeholder).
    private static Object number(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static void require(Map<String, Integer> header, String column) {
        if (!header.containsKey(column)) {
            throw new IllegalArgumentException("the CSV has no column \"" + column + "\"");
        }
    }
}
