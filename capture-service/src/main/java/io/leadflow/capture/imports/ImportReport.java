package io.leadflow.capture.imports;

import io.leadflow.web.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did with each row of the file: {@code rows} = {@code accepted} + {@code rejected}, and
 * every accepted row is exactly one of {@code created} (a new person's lead, LeadCaptured),
 * {@code resubmitted} (the first row of a person who was already a lead: merged into it, LeadResubmitted),
 * {@code duplicatesInFile} (another row of a person stored earlier in this file: merged into that lead,
 * LeadResubmitted, or nothing at all for an identical row) and {@code alreadyImported} (identical to a
 * row an earlier import stored: nothing new).
 */
public record ImportReport(UUID importId, long rows, long accepted, long created, long resubmitted, long duplicatesInFile,
                           long alreadyImported, long rejected, List<Rejection> rejections, List<String> unknownColumns,
                           long durationMillis, boolean complete, Defaults defaults, String fileSha256, long fileBytes,
                           String importedBy, Instant startedAt) {

    /** A refused row: its first physical line in the file (the header is line 1) and every reason. */
    public record Rejection(long line, List<FieldError> errors) {
    }

    /** The upload's defaults (query parameters), as applied. */
    public record Defaults(String source, String medium, String campaign, String formId) {
    }
}
