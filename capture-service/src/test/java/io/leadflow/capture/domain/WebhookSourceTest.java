package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSourceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final WebhookSourceDefinition DEFINITION =
            new WebhookSourceDefinition("Partner", null, Map.of("email", "/email"), null);

    @Test
    void aNewSourceIsEnabledWithOneFreshSecret() {
        WebhookSource source = WebhookSource.create("partner", DEFINITION, T0);

        assertThat(source.enabled).isTrue();
        assertThat(source.defaults).isEmpty();
        assertThat(source.secret).startsWith("whsec_").hasSize(6 + 43);
        assertThat(source.secretsValidAt(T0)).containsExactly(source.secret);
        assertThat(source.secretHint()).isEqualTo("whsec_..." + source.secret.substring(source.secret.length() - 4));
        assertThat(WebhookSource.create("partner", DEFINITION, T0).secret).isNotEqualTo(source.secret);
    }

    @Test
    void afterARotationThePreviousSecretIsValidUntilTheGracePeriodEnds() {
        WebhookSource source = WebhookSource.create("partner", DEFINITION, T0);
        String old = source.secret;

        String fresh = source.rotate(T0.plusSeconds(60), Duration.ofHours(24));

        assertThat(fresh).isEqualTo(source.secret).isNotEqualTo(old);
        Instant end = T0.plusSeconds(60).plus(Duration.ofHours(24));
        assertThat(source.secretsValidAt(end.minusMillis(1))).containsExactly(fresh, old);
        assertThat(source.previousSecretValidUntil(end.minusMillis(1))).isEqualTo(end);
        assertThat(source.secretsValidAt(end)).containsExactly(fresh);
        assertThat(source.previousSecretValidUntil(end)).isNull();
    }

    @Test
    void aSecondRotationEndsTheGraceOfTheFirst() {
        WebhookSource source = WebhookSource.create("partner", DEFINITION, T0);
        String first = source.secret;
        String second = source.rotate(T0, Duration.ofHours(24));
        String third = source.rotate(T0.plusSeconds(1), Duration.ofHours(24));

        assertThat(source.secretsValidAt(T0.plusSeconds(2))).containsExactly(third, second).doesNotContain(first);
    }

    @Test
    void redefiningKeepsTheSecrets() {
        WebhookSource source = WebhookSource.create("partner", DEFINITION, T0);
        String secret = source.secret;
        source.define(new WebhookSourceDefinition(" Renamed ", false, Map.of("email", "/e"), Map.of("formId", "f")), T0.plusSeconds(5));

        assertThat(source.name).isEqualTo("Renamed");
        assertThat(source.enabled).isFalse();
        assertThat(source.secret).isEqualTo(secret);
        assertThat(source.updatedAt).isEqualTo(T0.plusSeconds(5));
        assertThat(source.createdAt).isEqualTo(T0);
    }
}
