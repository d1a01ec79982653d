package io.leadflow.scoring.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a CSV of closed leads maps to lead attributes and outcomes (a JSON file): which columns are
 * attributes and of what type, which column is the outcome and which value means won, which
 * columns must never be learnt from and why.
 *
 * @param name          the data set's name, for reports
 * @param description   what the data is and where it comes from
 * @param outcome       the outcome column and its positive (won) value
 * @param missingValues placeholders meaning "not answered"
 * @param minCount      rare categorical values (fewer occurrences in training) pool into {@code __other__}
 * @param bins          equal-frequency bins per numeric attribute, 0 for none
 * @param columns       the attribute columns
 * @param excluded      columns read but never learnt from (the leakage guard), each with its reason
 */
public record LeadMapping(String name, String description, Target outcome, List<String> missingValues, int minCount, int bins,
                          List<Column> columns, List<Exclusion> excluded) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** @param positive the value (compared ignoring case and surrounding spaces) meaning the lead was won */
    public record Target(String column, String positive) {
    }

    /** @param attribute the attribute's name in the lead map; the column name when absent */
    public record Column(String column, String attribute, AttributeType type) {

        public String attributeName() {
            return attribute == null || attribute.isBlank() ? column : attribute;
        }
    }

    public record Exclusion(String column, String reason) {
    }

    public LeadMapping {
        missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
        columns = List.copyOf(columns);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        if (minCount < 1) {
            minCount = 1;
        }
    }

    public static LeadMapping read(InputStream json) {
        try {
            return MAPPER.readValue(json, LeadMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lead mapping", e);
        }
    }

    public static LeadMapping read(Path json) {
        try (InputStream in = Files.newInputStream(json)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lead mapping " + json, e);
        }
    }

    /** A mapping shipped on the classpath, such as {@code leadflow/scoring/xeducation-mapping.json}. */
    public static LeadMapping resource(String name) {
        try (InputStream in = LeadMapping.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no mapping " + name + " on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attribute names excluded from learning: an excluded column's attribute, or the column's own name. */
    public Set<String> excludedAttributes() {
        Set<String> names = new LinkedHashSet<>();
        for (Exclusion exclusion : excluded) {
            names.add(exclusion.column());
            columns.stream().filter(c -> c.column().equals(exclusion.column()))
                    .forEach(c -> names.add(c.attributeName()));
        }
        return names;
    }

    /** What the model learns from under this mapping. */
    public FeatureSpec featureSpec() {
        List<Attribute> attributes = columns.stream().map(c -> new Attribute(c.attributeName(), c.type())).toList();
        return new FeatureSpec(attributes, excludedAttributes(), Set.copyOf(missingValues), minCount, bins);
    }
}
