package io.leadflow.crm.connector;

import java.time.Instant;
import java.util.List;

/** A page of opportunity changes, oldest first; the next poll asks for changes after {@code nextSince}. */
public record ChangePage(List<OpportunityChange> changes, Instant nextSince) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
