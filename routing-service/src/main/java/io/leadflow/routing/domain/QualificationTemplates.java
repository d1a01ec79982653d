package io.leadflow.routing.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.routing.domain.QualificationTemplate.Field;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The qualification templates SDRs may use and the default one. Ships BANT, MEDDIC and CHAMP; RevOps may override a
 * shipped template or add its own with a JSON file, and choose which templates are offered and which is the default.
 * Pure: the configuration is checked once, at start-up, and every mistake is reported together.
 */
public final class QualificationTemplates {

    public static final String BANT = "bant";
    public static final String MEDDIC = "meddic";
    public static final String CHAMP = "champ";

    /** The longest answer any template may allow (the LeadQualified contract's limit). */
    public static final int ANSWER_MAX = 5000;
    static final int FIELDS_MAX = 20;
    static final int DEFAULT_MAX_LENGTH = 500;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** BANT's answers travel as the contract's {@code bant} object too, so its keys and limits are fixed. */
    private static final Map<String, Integer> BANT_LIMITS = Map.of("budget", 500, "authority", 500, "need", 2000,
            "timeline", 500);

    private final Map<String, QualificationTemplate> offered;
    private final QualificationTemplate defaultTemplate;

    private QualificationTemplates(Map<String, QualificationTemplate> offered, String defaultId) {
        this.offered = offered;
        this.defaultTemplate = offered.get(defaultId);
    }

    /** The three standard frameworks, in the order the inbox offers them. */
    public static List<QualificationTemplate> standard() {
        return List.of(
                new QualificationTemplate(BANT, "BANT", List.of(
                        new Field("budget", "Budget", "Is money set aside, how much, and who holds it?", true, 500),
                        new Field("authority", "Authority", "Who decides and who signs; is the contact one of them?", true, 500),
                        new Field("need", "Need", "The problem to solve and what it costs them today.", true, 2000),
                        new Field("timeline", "Timeline", "When they want to decide and go live, and what drives the date.",
                                true, 500))),
                new QualificationTemplate(MEDDIC, "MEDDIC", List.of(
                        new Field("metrics", "Metrics", "The measurable gain they expect (time saved, revenue, cost), "
                                + "in their numbers.", true, 1000),
                        new Field("economicBuyer", "Economic buyer", "Who has the final say over the budget, and have we "
                                + "reached them?", true, 500),
                        new Field("decisionCriteria", "Decision criteria", "What they will judge the options by "
                                + "(technical, financial, vendor).", true, 1000),
                        new Field("decisionProcess", "Decision process", "The steps, people and dates between now and a "
                                + "signature; often only partly known at first, the AE completes it.", false, 1000),
                        new Field("identifyPain", "Identify pain", "The business pain behind the need and what happens "
                                + "if nothing changes.", true, 2000),
                        new Field("champion", "Champion", "Who inside sells for us when we are not in the room, and why.",
                                true, 500))),
                new QualificationTemplate(CHAMP, "CHAMP", List.of(
                        new Field("challenges", "Challenges", "The problems they face that we solve.", true, 2000),
                        new Field("authority", "Authority", "Who decides and who signs; who else has a say.", true, 500),
                        new Field("money", "Money", "The budget available, or how it would be found.", true, 500),
                        new Field("prioritization", "Prioritization", "How high this ranks among their projects, and "
                                + "the timeline that follows.", true, 500))));
    }

    /** The standard templates, all offered, BANT by default. */
    public static QualificationTemplates standardSet() {
        return configure(BANT, Optional.empty(), Optional.empty());
    }

    /**
     * The configured set: the standard templates, replaced or extended by id with the ones in {@code templatesJson}
     * (a JSON array of templates), offered in the order of {@code offered} (absent: all of them), with
     * {@code defaultId} as the default. Throws {@link IllegalArgumentException} naming every mistake.
     */
    public static QualificationTemplates configure(String defaultId, Optional<List<String>> offered,
                                                   Optional<String> templatesJson) {
        List<String> problems = new ArrayList<>();
        Map<String, QualificationTemplate> known = new LinkedHashMap<>();
        standard().forEach(template -> known.put(template.id(), template));
        templatesJson.ifPresent(json -> parse(json, problems).forEach(template -> known.put(template.id(), template)));

        Map<String, QualificationTemplate> chosen = new LinkedHashMap<>();
        for (String id : offered.orElse(List.copyOf(known.keySet()))) {
            String clean = id.strip();
            if (!known.containsKey(clean)) {
                problems.add("offered: there is no template '" + clean + "' (known: " + String.join(", ", known.keySet()) + ")");
            } else if (chosen.put(clean, known.get(clean)) != null) {
                problems.add("offered: '" + clean + "' is listed twice");
            }
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add("offered: at least one template must be offered");
        }
        if (defaultId == null || !chosen.containsKey(defaultId)) {
            problems.add("template: the default '" + defaultId + "' is not an offered template (offered: "
                    + String.join(", ", chosen.keySet()) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid qualification templates: " + String.join("; ", problems));
        }
        return new QualificationTemplates(java.util.Collections.unmodifiableMap(chosen), defaultId);
    }

    /** The templates SDRs may use, in the order offered. */
    public List<QualificationTemplate> offered() {
        return List.copyOf(offered.values());
    }

    public QualificationTemplate defaultTemplate() {
        return defaultTemplate;
    }

    /** An offered template by id. */
    public Optional<QualificationTemplate> find(String id) {
        return Optional.ofNullable(id == null ? null : offered.get(id));
    }

    // --- the templates file

    /** Reads a JSON array of templates; every mistake goes to {@code problems} with its JSON path. */
    static List<QualificationTemplate> parse(String json, List<String> problems) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("templates file: not JSON (" + e.getOriginalMessage() + ")");
            return List.of();
        }
        if (root == null || !root.isArray()) {
            problems.add("templates file: must be a JSON array of templates");
            return List.of();
        }
        List<QualificationTemplate> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            QualificationTemplate template = template(root.get(i), "[" + i + "]", problems);
            if (template != null && !ids.add(template.id())) {
                problems.add("[" + i + "].id: '" + template.id() + "' is defined twice");
            } else if (template != null) {
                templates.add(template);
            }
        }
        return templates;
    }

    private static QualificationTemplate template(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        unknown(node, path, Set.of("id", "label", "fields"), problems);
        String id = text(node, "id", path, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(path + ".id: must be 1-32 lower-case letters, digits, '-' or '_', starting with a letter");
        }
        String label = label(node, "label", path, 100, problems);
        JsonNode fieldNodes = node.get("fields");
        List<Field> fields = new ArrayList<>();
        if (fieldNodes == null || !fieldNodes.isArray() || fieldNodes.isEmpty() || fieldNodes.size() > FIELDS_MAX) {
            problems.add(path + ".fields: must be an array of 1-" + FIELDS_MAX + " fields");
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < fieldNodes.size(); i++) {
                Field field = field(fieldNodes.get(i), path + ".fields[" + i + "]", problems);
                if (field != null && !keys.add(field.key())) {
                    problems.add(path + ".fields[" + i + "].key: '" + field.key() + "' is used twice");
                }
                fields.add(field);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        QualificationTemplate template = new QualificationTemplate(id, label, fields);
        if (BANT.equals(id)) {
            bantShape(template, path, problems);
        }
        return problems.size() > before ? null : template;
    }

    // LeadQualified repeats BANT answers as its bant object (budget, authority, need, timeline, all required, with
    // the contract's limits) for the consumers that read it: an override may reword BANT, not reshape it.
    private static void bantShape(QualificationTemplate template, String path, List<String> problems) {
        Set<String> keys = new HashSet<>();
        template.fields().forEach(f -> keys.add(f.key()));
        if (!keys.equals(BANT_LIMITS.keySet())) {
            problems.add(path + ".fields: the bant template must have exactly the fields budget, authority, need, timeline");
            return;
        }
        for (Field field : template.fields()) {
            if (!field.required() || field.maxLength() > BANT_LIMITS.get(field.key())) {
                problems.add(path + ".fields: bant's " + field.key() + " must be required and at most "
                        + BANT_LIMITS.get(field.key()) + " characters");
            }
        }
    }

    private static Field field(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        unknown(node, path, Set.of("key", "label", "help", "required", "maxLength"), problems);
        String key = text(node, "key", path, problems);
        if (key != null && !KEY.matcher(key).matches()) {
            problems.add(path + ".key: must be 1-64 letters or digits, starting with a lower-case letter (camelCase)");
        }
        String label = label(node, "label", path, 100, problems);
        String help = null;
        JsonNode helpNode = node.get("help");
        if (helpNode != null && !helpNode.isNull()) {
            if (!helpNode.isTextual() || helpNode.asText().length() > 500) {
                problems.add(path + ".help: must be text of at most 500 characters");
            } else {
                help = helpNode.asText().isBlank() ? null : helpNode.asText().strip();
            }
        }
        boolean required = true;
        JsonNode requiredNode = node.get("required");
        if (requiredNode != null && !requiredNode.isNull()) {
            if (!requiredNode.isBoolean()) {
                problems.add(path + ".required: must be true or false");
            } else {
                required = requiredNode.asBoolean();
            }
        }
        int maxLength = DEFAULT_MAX_LENGTH;
        JsonNode maxNode = node.get("maxLength");
        if (maxNode != null && !maxNode.isNull()) {
            if (!maxNode.isInt() || maxNode.asInt() < 1 || maxNode.asInt() > ANSWER_MAX) {
                problems.add(path + ".maxLength: must be a whole number from 1 to " + ANSWER_MAX);
            } else {
                maxLength = maxNode.asInt();
            }
        }
        return problems.size() > before ? null : new Field(key, label, help, required, maxLength);
    }

    private static String text(JsonNode node, String name, String path, List<String> problems) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(path + "." + name + ": is required");
            return null;
        }
        return value.asText().strip();
    }

    private static String label(JsonNode node, String name, String path, int max, List<String> problems) {
        String text = text(node, name, path, problems);
        if (text != null && text.length() > max) {
            problems.add(path + "." + name + ": must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    private static void unknown(JsonNode node, String path, Set<String> allowed, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path + "." + name + ": unknown property (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
