package io.leadflow.routing.api;

import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.domain.PoolSettings;
import io.leadflow.routing.domain.SdrSettings;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every bad field of a roster request is named, with a reason, in one answer. */
class RosterRequestValidationTest {

    static List<String> fields(Runnable request) {
        InvalidRequestException e = catchThrowableOfType(request::run, InvalidRequestException.class);
        assertThat(e).as("the request should be refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    static SdrRequest sdr(String timeZone, Map<String, List<String>> hours, List<SdrRequest.HolidayEntry> holidays) {
        return new SdrRequest("sdr-9", "Ada", "ada@leadflow.example", null, timeZone, hours, holidays, null, null, null);
    }

    @Test
    void aMinimalSdrTakesTheDefaults() {
        SdrSettings settings = new SdrRequest("sdr-9", " Ada ", "ada@leadflow.example", null, null, null, null, null, null,
                null).forCreate();
        assertThat(settings.name()).isEqualTo("Ada");
        assertThat(settings.active()).isTrue();
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.workingHours().isAlways()).isTrue();
        assertThat(settings.holidays()).isEmpty();
        assertThat(settings.caps().maxOpenLeads()).isNull();
    }

    @Test
    void aFullSdrIsRead() {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        hours.put("monday", List.of("13:30-18:00", "09:00-12:30"));
        hours.put("Friday", List.of("22:00-06:00"));
        SdrSettings settings = new SdrRequest("sdr-9", "Ada", "ada@leadflow.example", false, "Europe/Paris", hours,
                List.of(new SdrRequest.HolidayEntry("2026-12-25", "Christmas")), 20, 8, "lead@leadflow.example").forCreate();
        assertThat(settings.active()).isFalse();
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.workingHours().on(DayOfWeek.MONDAY)).extracting(Object::toString)
                .containsExactly("09:00-12:30", "13:30-18:00");
        assertThat(settings.workingHours().on(DayOfWeek.FRIDAY)).hasSize(1);
        assertThat(settings.holidays().get(0).date()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(settings.caps().maxOpenLeads()).isEqualTo(20);
        assertThat(settings.caps().maxLeadsPerDay()).isEqualTo(8);
    }

    @Test
    void badSdrFieldsAreEachNamed() {
        assertThat(fields(() -> new SdrRequest("no spaces", "", "not-an-email", null, "Mars/Olympus", null, null, 0, -1,
                "boss").forCreate()))
                .containsExactly("id", "name", "email", "timeZone", "maxOpenLeads", "maxLeadsPerDay", "managerEmail");
        assertThat(fields(() -> sdr("+02:00", null, null).forCreate())).containsExactly("timeZone");
        assertThat(fields(() -> sdr("UTC", null, null).forUpdate("sdr-1"))).containsExactly("id");
    }

    @Test
    void badWorkingHoursNameTheDayAndShift() {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        hours.put("monday", List.of("09:00-12:00", "9-17", "17:00-17:00"));
        hours.put("funday", List.of("09:00-12:00"));
        assertThat(fields(() -> sdr("UTC", hours, null).forCreate()))
                .containsExactly("workingHours.monday[1]", "workingHours.monday[2]", "workingHours.funday");
        Map<String, List<String>> overlapping = new LinkedHashMap<>();
        overlapping.put("tuesday", List.of("09:00-12:00", "11:30-14:00"));
        assertThat(fields(() -> sdr("UTC", overlapping, null).forCreate())).containsExactly("workingHours.tuesday[1]");
        Map<String, List<String>> overnight = new LinkedHashMap<>();
        overnight.put("sunday", List.of("22:00-07:00"));
        overnight.put("monday", List.of("06:00-10:00"));
        // Sunday's night shift runs into Monday morning: named on the shift that starts later in the week.
        assertThat(fields(() -> sdr("UTC", overnight, null).forCreate())).containsExactly("workingHours.sunday[0]");
    }

    @Test
    void badHolidaysNameTheEntry() {
        assertThat(fields(() -> sdr("UTC", null, List.of(new SdrRequest.HolidayEntry("2026-12-25", null),
                new SdrRequest.HolidayEntry("25/12/2026", null), new SdrRequest.HolidayEntry("2026-12-25", "again"),
                new SdrRequest.HolidayEntry(null, "no date"))).forCreate()))
                .containsExactly("holidays[1].date", "holidays[2].date", "holidays[3].date");
    }

    @Test
    void aPoolIsReadWithDefaults() {
        PoolSettings settings = new PoolRequest("emea", "EMEA", "weighted_round_robin",
                List.of(new PoolRequest.MemberEntry("sdr-1", 3), new PoolRequest.MemberEntry("sdr-2", null)),
                null, "fallback", "PT15M").forCreate();
        assertThat(settings.method()).isEqualTo(DistributionMethod.WEIGHTED_ROUND_ROBIN);
        assertThat(settings.members()).containsExactly(new PoolSettings.Member("sdr-1", 3), new PoolSettings.Member("sdr-2", 1));
        assertThat(settings.fallbackAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(new PoolRequest("p", "P", null, null, null, null, null).forCreate().method())
                .isEqualTo(DistributionMethod.STRICT_ROUND_ROBIN);
    }

    @Test
    void badPoolFieldsAreEachNamed() {
        assertThat(fields(() -> new PoolRequest("emea", " ", "RANDOM", List.of(new PoolRequest.MemberEntry("sdr-1", 0),
                new PoolRequest.MemberEntry("sdr-2", 2), new PoolRequest.MemberEntry("sdr-1", 1),
                new PoolRequest.MemberEntry(null, 1001)), "x", "emea", "15 minutes").forCreate()))
                .containsExactly("name", "method", "members[0].weight", "members[2].sdrId", "members[3].sdrId",
                        "members[3].weight", "managerEmail", "fallbackPoolId", "fallbackAfter");
        assertThat(fields(() -> new PoolRequest(null, "P", null, null, null, null, "PT5M").forUpdate("p")))
                .containsExactly("fallbackAfter");
        assertThat(fields(() -> new PoolRequest(null, "P", null, null, null, "other", "P31D").forUpdate("p")))
                .containsExactly("fallbackAfter");
    }

    @Test
    void anOutOfOfficePeriodEndsAfterItStarts() {
        assertThat(new OutOfOfficeRequest("2026-12-21T09:00:00+01:00", "2026-12-24T00:00:00Z", " Holiday ").period().from())
                .isEqualTo(java.time.Instant.parse("2026-12-21T08:00:00Z"));
        assertThat(fields(() -> new OutOfOfficeRequest(null, "tomorrow", null).period())).containsExactly("from", "until");
        assertThat(fields(() -> new OutOfOfficeRequest("2026-12-21T09:00:00Z", "2026-12-21T09:00:00Z", null).period()))
                .containsExactly("until");
        assertThat(fields(() -> new OutOfOfficeRequest("2026-12-21T09:00:00", "2026-12-22T09:00:00Z", null).period()))
                .containsExactly("from");
    }
}
