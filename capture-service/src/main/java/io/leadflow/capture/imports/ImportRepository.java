package io.leadflow.capture.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The imports' log (table csv_import): each import's counts and the report it answered. */
@ApplicationScoped
public class ImportRepository {

    private final Pool db;
    private final ObjectMapper mapper;

    public ImportRepository(Pool db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** A stored import: its report, who made it and the key it was made with. */
    public record Stored(ImportReport report, String importedBy) {
    }

    /**
     * Records a finished import. With an idempotency key another import already holds, nothing is
     * written and that import is answered instead.
     */
    public Uni<Optional<Stored>> save(ImportReport report, String idempotencyKey, Instant finishedAt) {
        Tuple values = Tuple.tuple()
                .addUUID(report.importId()).addString(report.importedBy())
                .addOffsetDateTime(report.startedAt().atOffset(ZoneOffset.UTC)).addOffsetDateTime(finishedAt.atOffset(ZoneOffset.UTC))
                .addString(report.fileSha256()).addLong(report.fileBytes()).addString(idempotencyKey)
                .addInteger((int) report.rows()).addInteger((int) report.accepted()).addInteger((int) report.created())
                .addInteger((int) report.resubmitted()).addInteger((int) report.duplicatesInFile())
                .addInteger((int) report.alreadyImported()).addInteger((int) report.rejected())
                .addBoolean(report.complete()).addString(json(report));
        // The double cast binds the report as text: a bare jsonb cast of a string would store a JSON string.
        return db.preparedQuery("""
                        insert into csv_import (id, imported_by, started_at, finished_at, file_sha256, file_bytes, idempotency_key,
                            rows_read, accepted, created, resubmitted, duplicates_in_file, already_imported, rejected, complete, report)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, cast(cast($16 as text) as jsonb))
                        on conflict (idempotency_key) do nothing""")
                .execute(values)
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(Optional.<Stored>empty()) : byKey(idempotencyKey));
    }

    public Uni<Optional<Stored>> byId(UUID importId) {
        return one("select report::text as report, imported_by from csv_import where id = $1", Tuple.of(importId));
    }

    public Uni<Optional<Stored>> byKey(String idempotencyKey) {
        return one("select report::text as report, imported_by from csv_import where idempotency_key = $1", Tuple.of(idempotencyKey));
    }

    private Uni<Optional<Stored>> one(String sql, Tuple params) {
        return db.preparedQuery(sql).execute(params).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            try {
                return Optional.of(new Stored(mapper.readValue(row.getString("report"), ImportReport.class), row.getString("imported_by")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("csv_import report unreadable", e);
            }
        });
    }

    private String json(ImportReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import report cannot be written", e);
        }
    }
}
