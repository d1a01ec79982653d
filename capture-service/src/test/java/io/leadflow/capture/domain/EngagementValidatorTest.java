package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final EngagementValidator.Limits LIMITS = new EngagementValidator.Limits(100, Duration.ofDays(90), Duration.ofMinutes(5));
    private static final String VISITOR = "3f9c2a4e-8b1d-4c7e-9a55-0d6e2f1b7c90";

    private static EngagementEvent pageView(String occurredAt) {
        return new EngagementEvent("page_view", occurredAt, null, VISITOR, "https://www.acme.com/product", "Product", null, null);
    }

    private static EngagementValidator.Result browser(EngagementEvent... events) {
        return EngagementValidator.validate(new EngagementBatch("demo", List.of(events), true), false, NOW, LIMITS);
    }

    private static EngagementValidator.Result integration(EngagementEvent... events) {
        return EngagementValidator.validate(new EngagementBatch(null, List.of(events), true), true, NOW, LIMITS);
    }

    private static List<String> fields(EngagementValidator.Result result) {
        return result.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void normalisesABrowsersPageViewAndAnIntegrationsClickByEmail() {
        EngagementValidator.Result result = EngagementValidator.validate(new EngagementBatch(" demo ", List.of(
                pageView("2026-03-01T11:59:00+01:00"),
                new EngagementEvent("email_click", "1772366100000", " Ada@Bücher.DE ", null, "https://www.acme.com/offer?x=1",
                        null, new Utm(" newsletter ", null, "march", null, null), Map.of("emailId", "nl-2026-03"))), true), true, NOW, LIMITS);

        assertThat(result.errors()).isEmpty();
        assertThat(result.formId()).isEqualTo("demo");
        Engagement view = result.engagements().get(0);
        assertThat(view.type()).isEqualTo(EngagementType.PAGE_VIEW);
        assertThat(view.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:59:00Z"));
        assertThat(view.visitorId()).isEqualTo(VISITOR);
        assertThat(view.emailKey()).isNull();
        Engagement click = result.engagements().get(1);
        assertThat(click.emailKey()).isEqualTo("ada@xn--bcher-kva.de");
        assertThat(click.occurredAt()).isEqualTo(Instant.ofEpochMilli(1772366100000L));
        assertThat(click.utm()).isEqualTo(new Utm("newsletter", null, "march", null, null));
        assertThat(click.detail()).containsEntry("emailId", "nl-2026-03");
        assertThat(result.engagements()).extracting(Engagement::id).doesNotHaveDuplicates();
    }

    @Test
    void anEventWithoutOccurredAtHappenedWhenItWasReceived() {
        assertThat(browser(pageView(null)).engagements().get(0).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void oneBadEventRefusesTheBatchAndEveryProblemNamesItsEvent() {
        EngagementValidator.Result result = browser(
                pageView(null),
                new EngagementEvent("pageview", "yesterday", null, VISITOR, null, null, null, null),
                new EngagementEvent("content_download", null, null, "short", "ftp://files.acme.com/a.pdf", null, null, null),
                new EngagementEvent("webinar_attended", null, null, null, null, null, null, null));

        assertThat(result.valid()).isFalse();
        assertThat(result.engagements()).isEmpty();
        assertThat(fields(result)).containsExactly("events[1].type", "events[1].occurredAt", "events[2].visitorId",
                "events[2].url", "events[3].visitorId");
        assertThat(result.errors().get(0).reason()).contains("page_view", "pricing_page_visit", "webinar_attended");
    }

    @Test
    void aSingleEventsProblemsNameItsOwnFields() {
        EngagementValidator.Result result = EngagementValidator.validate(new EngagementBatch(null,
                List.of(new EngagementEvent("email_open", null, null, null, null, null, null, null)), false), true, NOW, LIMITS);

        assertThat(result.errors()).containsExactly(new FieldError("email", "email or visitorId is required"));
    }

    @Test
    void aBrowserMayNotSpeakForAnEmailAddress() {
        EngagementValidator.Result result = browser(new EngagementEvent("pricing_page_visit", null, "ada@acme.com", VISITOR,
                "https://www.acme.com/pricing", null, null, null));

        assertThat(fields(result)).containsExactly("events[0].email");
        assertThat(result.errors().get(0).reason()).contains("integrations only");
    }

    @Test
    void anIntegrationsAddressIsReadByTheCaptureRules() {
        assertThat(integration(new EngagementEvent("email_open", null, "Ada <ada@acme.com>", null, null, null, null, null))
                .errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("events[0].email"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-01T12:04:59Z, true",
            "2026-03-01T12:05:01Z, false",
            "2025-12-01T12:00:01Z, true",
            "2025-12-01T11:59:59Z, false"})
    void anEventMayBeAFewMinutesAheadAndUpTo90DaysOld(String occurredAt, boolean valid) {
        EngagementValidator.Result result = browser(pageView(occurredAt));
        assertThat(result.valid()).as(String.valueOf(result.errors())).isEqualTo(valid);
        if (!valid) {
            assertThat(result.errors().get(0).reason()).matches("must not be more than (5 minutes in the future|90 days old)");
        }
    }

    @Test
    void theBatchHoldsOneToAHundredEvents() {
        assertThat(fields(EngagementValidator.validate(new EngagementBatch(null, List.of(), true), false, NOW, LIMITS)))
                .containsExactly("events");
        assertThat(fields(EngagementValidator.validate(new EngagementBatch(null, null, true), false, NOW, LIMITS)))
                .containsExactly("events");
        assertThat(browser(Collections.nCopies(100, pageView(null)).toArray(EngagementEvent[]::new)).engagements()).hasSize(100);
        assertThat(browser(Collections.nCopies(101, pageView(null)).toArray(EngagementEvent[]::new)).errors())
                .singleElement().satisfies(e -> assertThat(e.reason()).startsWith("must hold at most 100 events"));
    }

    @Test
    void detailIsSmallAndFlat() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("webinarId", "wb-42");
        detail.put("minutesAttended", 47);
        detail.put("live", true);
        detail.put("speakers", List.of("Ada"));
        detail.put("notes", "x".repeat(201));
        detail.put("bad key", "x");
        EngagementValidator.Result result = browser(new EngagementEvent("webinar_attended", null, null, VISITOR, null, null, null, detail));
        assertThat(fields(result)).containsExactly("events[0].detail.speakers", "events[0].detail.notes", "events[0].detail");

        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("k" + i, i);
        }
        assertThat(fields(browser(new EngagementEvent("webinar_attended", null, null, VISITOR, null, null, null, many))))
                .containsExactly("events[0].detail");

        Map<String, Object> fine = new LinkedHashMap<>(Map.of("webinarId", "wb-42", "minutesAttended", 47));
        assertThat(browser(new EngagementEvent("webinar_attended", null, null, VISITOR, null, null, null, fine))
                .engagements().get(0).detail()).isEqualTo(fine);
    }

    @Test
    void textIsTrimmedAndControlCharactersAreRefused() {
        List<EngagementEvent> events = new ArrayList<>();
        events.add(new EngagementEvent("page_view", null, null, VISITOR, "https://acme.com/", "  Pricing\u0007 ", null, null));
        events.add(new EngagementEvent("page_view", null, null, VISITOR, "https://acme.com/", "x".repeat(301), null, null));
        EngagementValidator.Result result = EngagementValidator.validate(new EngagementBatch("bad form!", events, true), false, NOW, LIMITS);
        assertThat(fields(result)).containsExactly("formId", "events[0].title", "events[1].title");
    }
}
