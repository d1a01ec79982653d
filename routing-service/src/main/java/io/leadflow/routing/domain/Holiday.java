package io.leadflow.routing.domain;

import java.time.LocalDate;

/** A day off in the SDR's own calendar (a whole local date), with an optional name. */
public record Holiday(LocalDate date, String name) {
}
