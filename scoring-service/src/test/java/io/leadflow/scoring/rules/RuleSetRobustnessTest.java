package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Whatever RevOps sends, parsing answers with a rule set or errors, never an exception. */
class RuleSetRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void randomlyDamagedRuleSetsNeverThrow() throws Exception {
        JsonNode original = JSON.readTree(Fixtures.resource(ScoringRuleSets.DEFAULT_RESOURCE));
        Random random = new Random(42);
        int invalid = 0;
        for (int round = 0; round < 3000; round++) {
            JsonNode copy = original.deepCopy();
            for (int damage = 0; damage <= random.nextInt(3); damage++) {
                damage(copy, random);
            }
            RuleSetParseResult[] result = new RuleSetParseResult[1];
            assertThatCode(() -> result[0] = ScoringRuleSets.parse(copy.toString())).as(copy.toString())
                    .doesNotThrowAnyException();
            invalid += result[0].valid() ? 0 : 1;
            assertThat(result[0].errors()).allSatisfy(e -> assertThat(e.path()).isNotBlank());
        }
        assertThat(invalid).isGreaterThan(1000); // the damage was real
    }

    /** Replaces a random value somewhere in the tree with a random other kind of value. */
    private static void damage(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(400) - 200);
            case 2 -> NODES.textNode(List.of("", "vp", "eq", "fit", "P14D", "x.y", "enrichment.person.seniority")
                    .get(random.nextInt(7)));
            case 3 -> NODES.arrayNode();
            case 4 -> NODES.objectNode();
            case 5 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.numberNode(random.nextDouble() * 10);
        };
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(5) == 0) {
                o.remove(name);
            } else {
                o.set(name, replacement);
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            a.set(random.nextInt(a.size()), replacement);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
