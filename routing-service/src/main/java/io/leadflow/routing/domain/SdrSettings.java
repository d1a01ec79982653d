package io.leadflow.routing.domain;

import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.WorkingHours;

import java.time.ZoneId;
import java.util.List;

/** Everything RevOps sets on an SDR (validated): out-of-office periods and the pause have endpoints of their own. */
public record SdrSettings(String name, String email, boolean active, ZoneId timeZone, WorkingHours workingHours,
                          List<Holiday> holidays, Caps caps, String managerEmail) {
}
