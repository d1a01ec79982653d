package io.leadflow.scoring.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The X Education leads (../shared/data/scoring, public, tests only) through the shipped mapping. */
final class XEducation {

    static final LeadMapping MAPPING = LeadMapping.resource("leadflow/scoring/xeducation-mapping.json");

    private XEducation() {
    }

    static List<Outcome> outcomes() {
        // From the module directory when Maven runs the tests, from the project root otherwise.
        Path file = Path.of("../../shared/data/scoring/leads_xeducation_dev.csv");
        if (!Files.exists(file)) {
            file = Path.of("../shared/data/scoring/leads_xeducation_dev.csv");
        }
        return LeadCsv.read(file, MAPPING);
    }
}
