package io.leadflow.capture.forms;

import java.time.Instant;
import java.util.List;

/** A configured form as capture applies it, with when it was created and last changed. */
public record Form(String id, FormDefinition definition, Instant createdAt, Instant updatedAt) {

    /** Whether a page of this origin may post to the form: listed, or the form lists none (any origin). */
    public boolean admits(String origin) {
        List<String> allowed = definition.allowedOrigins();
        return allowed.isEmpty() || origin == null || allowed.contains(origin.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether browsers on this origin may read the answers (CORS): only the listed origins. */
    public boolean sharesWith(String origin) {
        return origin != null && definition.allowedOrigins().contains(origin.toLowerCase(java.util.Locale.ROOT));
    }
}
