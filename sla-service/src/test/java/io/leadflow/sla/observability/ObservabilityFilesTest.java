package io.leadflow.sla.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/observability holds together: the Grafana dashboard is valid JSON whose queries use only metrics the services
 * export or the rules record, every alert names known metrics and says how serious and what happened, and the example
 * scrape configuration covers the six services. promtool itself checks and unit-tests the rules in the build (profile
 * {@code promtool}); here it also parses every dashboard query, when it is installed.
 */
class ObservabilityFilesTest {

    private static final Path DIR = Path.of(System.getProperty("leadflow.repo.dir", ".."), "deploy", "observability");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** What the services export on /q/metrics (Prometheus names), where the queries may read from. */
    private static final Set<String> EXPORTED = Set.of(
            // sla-service, LagMetrics and LagSampler
            "leadflow_kafka_consumer_lag_records", "leadflow_kafka_consumer_lag_seconds", "leadflow_kafka_consumer_stalled",
            "leadflow_kafka_dlq_depth", "leadflow_kafka_lag_sample_seconds_count",
            // sla-service, SlaService (policy label from the SLA policies), and the SLA policies' meters (issue 8)
            "leadflow_sla_breaches_total", "leadflow_sla_at_risk_total", "leadflow_sla_escalations_total",
            "leadflow_sla_speed_to_lead_seconds_bucket", "leadflow_sla_breach_delay_seconds_bucket",
            // routing-service, RoutingService
            "leadflow_routing_unmatched_total", "leadflow_routing_unroutable_total",
            // Prometheus itself
            "up");

    private static final Pattern METRIC = Pattern.compile("(?<![\\w:$])(leadflow[_:][\\w:]*|up)(?![\\w:])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyDashboardQueryReadsAKnownMetric() throws IOException {
        JsonNode dashboard = JSON.readTree(DIR.resolve("grafana/leadflow.json").toFile());
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("templating").path("list").findValuesAsText("type")).contains("datasource");
        Set<String> known = known();

        List<JsonNode> panels = panels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of panel %s", panel.path("title")).isTrue();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as("queries of %s", panel.path("title")).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> metrics = metrics(target.path("expr").asText());
                assertThat(metrics).as("metrics of %s: %s", panel.path("title"), target.path("expr")).isNotEmpty();
                assertThat(known).as("metrics of %s", panel.path("title")).containsAll(metrics);
            }
        }
    }

    @Test
    void everyAlertReadsKnownMetricsAndSaysWhatHappened() throws IOException {
        Set<String> known = known();
        List<JsonNode> alerts = new ArrayList<>();
        rules().forEach(rule -> {
            assertThat(known).as("metrics of %s", rule.path("record").asText(rule.path("alert").asText()))
                    .containsAll(metrics(rule.path("expr").asText()));
            if (rule.has("alert")) {
                alerts.add(rule);
            }
        });
        assertThat(alerts).extracting(a -> a.path("alert").asText()).contains("LeadflowConsumerLagHigh",
                "LeadflowConsumerStalled", "LeadflowDeadLettersGrowing", "LeadflowSlaBreaches", "LeadflowSlaAtRiskHigh",
                "LeadflowSlaEscalations", "LeadflowSpeedToLeadSlow", "LeadflowBreachDetectionSlow",
                "LeadflowLeadsUnmatched", "LeadflowLeadsUnroutable", "LeadflowServiceDown");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.path("labels").path("severity").asText()).isIn("info", "warning", "critical");
            assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
        });
    }

    @Test
    void theExampleScrapeConfigurationCoversTheSixServices() throws IOException {
        JsonNode job = YAML.readTree(DIR.resolve("prometheus/prometheus.yml").toFile()).path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(job.path("static_configs").findValuesAsText("service")).containsExactly("capture-service",
                "enrichment-service", "scoring-service", "routing-service", "sla-service", "crm-sync-service");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).containsExactly("localhost:8081", "localhost:8082", "localhost:8083", "localhost:8084",
                "localhost:8085", "localhost:8086");
    }

    @Test
    void everyDashboardQueryIsValidPromQl(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (JsonNode panel : panels(JSON.readTree(DIR.resolve("grafana/leadflow.json").toFile()))) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$__rate_interval", "5m").replace("$group", ".*");
                rules.append("      - record: dashboard:panel").append(panel.path("id").asInt()).append('_')
                        .append(target.path("refId").asText()).append("\n        expr: ")
                        .append(JSON.writeValueAsString(expr)).append('\n');
            }
        }
        Path file = Files.writeString(tmp.resolve("dashboard-queries.yml"), rules, StandardCharsets.UTF_8);
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", file.toString())
                .redirectErrorStream(true).start();
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.exitValue()).as(output).isZero();
    }

    @Test
    void metricNamesAreReadFromPromQlWithoutLabelValuesOrVariables() {
        assertThat(metrics("sum by (group) (rate(leadflow_sla_breaches_total{job=\"leadflow_x\"}[$__rate_interval])) "
                + "/ on (group) leadflow:consumer_lag_records:max or up{job=\"leadflow\"} or vector(0)"))
                .containsExactly("leadflow:consumer_lag_records:max", "leadflow_sla_breaches_total", "up");
    }

    /** Exported metrics plus the series the rules record. */
    private static Set<String> known() throws IOException {
        Set<String> known = new TreeSet<>(EXPORTED);
        rules().forEach(rule -> {
            if (rule.has("record")) {
                known.add(rule.path("record").asText());
            }
        });
        return known;
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        YAML.readTree(DIR.resolve("prometheus/leadflow-rules.yml").toFile()).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).isNotEmpty();
        return rules;
    }

    /** Every panel, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }

    /** The metric names a PromQL expression reads (label values and Grafana variables aside). */
    static Set<String> metrics(String expr) {
        Matcher matcher = METRIC.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
