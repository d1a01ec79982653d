package io.leadflow.capture.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Progressive profiling: each submission of a known person fills what the lead does not know yet.
 * The lead's details are never overwritten by a later form (a typo must not replace a good value);
 * a disagreeing value stays on the submission and is reported as a conflict.
 */
final class ProgressiveProfile {

    /** A detail of the person that later submissions may complete: its public name and how to read and set it. */
    private record Detail(String name, Function<Lead, String> ofLead, Function<Submission, String> ofSubmission,
                          BiConsumer<Lead, Submission> fill) {
    }

    private static final List<Detail> DETAILS = List.of(
            new Detail("firstName", l -> l.firstName, s -> s.firstName, (l, s) -> l.firstName = s.firstName),
            new Detail("lastName", l -> l.lastName, s -> s.lastName, (l, s) -> l.lastName = s.lastName),
            new Detail("company", l -> l.company, s -> s.company, (l, s) -> l.company = s.company),
            new Detail("jobTitle", l -> l.jobTitle, s -> s.jobTitle, (l, s) -> l.jobTitle = s.jobTitle),
            new Detail("phone", l -> l.phone, s -> s.phone, (l, s) -> {
                l.phone = s.phone;
                l.phoneRaw = s.phoneRaw;
            }),
            new Detail("country", l -> l.country, s -> s.country, (l, s) -> l.country = s.country),
            new Detail("state", l -> l.state, s -> s.state, (l, s) -> l.state = s.state),
            new Detail("website", l -> l.website, s -> s.website, (l, s) -> l.website = s.website),
            new Detail("industry", l -> l.industry, s -> s.industry, (l, s) -> l.industry = s.industry),
            new Detail("employees", l -> l.employees, s -> s.employees, (l, s) -> l.employees = s.employees),
            new Detail("revenue", l -> l.revenue, s -> s.revenue, (l, s) -> l.revenue = s.revenue));

    record Merge(List<String> filled, List<String> conflicting) {
    }

    private ProgressiveProfile() {
    }

    /** What a first submission gave the new lead. */
    static List<String> filledByFirst(Submission s) {
        List<String> filled = new ArrayList<>();
        for (Detail d : DETAILS) {
            if (d.ofSubmission().apply(s) != null) {
                filled.add(d.name());
            }
        }
        return filled;
    }

    /** Fills the lead's gaps from the submission; values that differ (ignoring case) are conflicts. */
    static Merge merge(Lead lead, Submission s) {
        List<String> filled = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        for (Detail d : DETAILS) {
            String offered = d.ofSubmission().apply(s);
            if (offered == null) {
                continue;
            }
            String known = d.ofLead().apply(lead);
            if (known == null) {
                d.fill().accept(lead, s);
                filled.add(d.name());
            } else if (!known.equalsIgnoreCase(offered)) {
                conflicting.add(d.name());
            }
        }
        return new Merge(List.copyOf(filled), List.copyOf(conflicting));
    }
}
