-- CSV imports (POST /api/v1/imports): who imported which file when, and the report they were given.
-- The rows themselves are ordinary submissions (channel import); this table is the imports' log.
create table csv_import (
    id                 uuid          primary key,
    imported_by        varchar(200)  not null,
    started_at         timestamptz   not null,
    finished_at        timestamptz   not null,
    -- SHA-256 (hex) and size of the file as uploaded (every byte, BOM included).
    file_sha256        char(64)      not null,
    file_bytes         bigint        not null,
    -- The optional Idempotency-Key of the upload: the same key answers with this report again.
    idempotency_key    varchar(200)  unique,
    rows_read          integer       not null,
    accepted           integer       not null,
    created            integer       not null,
    resubmitted        integer       not null,
    duplicates_in_file integer       not null,
    already_imported   integer       not null,
    rejected           integer       not null,
    complete           boolean       not null,
    -- The report as answered (first rejections, unknown columns, defaults used).
    report             jsonb         not null
);

create index csv_import_file_idx on csv_import (file_sha256);
create index csv_import_started_idx on csv_import (started_at);
