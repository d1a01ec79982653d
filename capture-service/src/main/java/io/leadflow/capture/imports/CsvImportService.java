package io.leadflow.capture.imports;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.CaptureService;
import io.leadflow.capture.domain.CaptureService.BatchItem;
import io.leadflow.capture.domain.CaptureService.Batched;
import io.leadflow.capture.domain.CaptureService.Checked;
import io.leadflow.capture.domain.Channel;
import io.leadflow.capture.domain.LeadIdentity;
import io.leadflow.web.FieldError;
import io.leadflow.web.UnprocessableException;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a CSV file of leads (an event's attendees, a booth's badge scans) while it arrives: rows are
 * read one at a time, checked by the capture rules, and stored a chunk at a time through
 * {@link CaptureService#captureBatch}, so a file of any length holds one chunk in memory. Runs on a
 * worker thread (it reads the request as a blocking stream).
 *
 * <p>Each row's idempotency key is {@code import:<SHA-256 of the normalised row>}: uploading the same
 * file again, or a later export that repeats earlier rows, finds those rows already imported and stores
 * nothing for them.
 */
@ApplicationScoped
public class CsvImportService {

    private static final Logger LOG = Logger.getLogger(CsvImportService.class);
    static final String KEY_PREFIX = "import:";

    private final CaptureService capture;
    private final ImportRepository imports;
    private final CaptureConfig.Imports config;

    public CsvImportService(CaptureService capture, ImportRepository imports, CaptureConfig config) {
        this.capture = capture;
        this.imports = imports;
        this.config = config.imports();
    }

    /** The report, and whether it is an earlier import's answered again for the same Idempotency-Key. */
    public record Outcome(ImportReport report, boolean replayed) {
    }

    /**
     * Reads, checks and stores the file. Throws {@link io.leadflow.web.InvalidRequestException} for a
     * file that cannot be imported at all (empty, no e-mail column, an unreadable header): nothing is
     * stored then. With an {@code idempotencyKey} already used, the body is only hashed: the same file
     * answers that import's report again, another file is refused (422).
     */
    public Outcome importFile(InputStream body, Charset charset, ImportReport.Defaults defaults, String importedBy,
                              String idempotencyKey)
            throws IOException {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        HashingStream file = new HashingStream(body);
        if (idempotencyKey != null) {
            Optional<ImportRepository.Stored> earlier = await(() -> imports.byKey(idempotencyKey));
            if (earlier.isPresent()) {
                file.transferTo(OutputStream.nullOutputStream());
                return replay(earlier.get(), file.sha256());
            }
        }
        Tally tally = new Tally(config.maxRejectionsReported());
        boolean complete = true;
        List<String> unknownColumns;
        try (CsvLeadReader reader = CsvLeadReader.open(unclosable(file), charset, new CsvLeadReader.Defaults(defaults.source(),
                defaults.medium(), defaults.campaign(), defaults.formId()))) {
            unknownColumns = reader.columns().unknown();
            List<Pending> chunk = new ArrayList<>(config.chunkSize());
            for (CsvLeadReader.Row row = reader.next(); row != null; row = reader.next()) {
                tally.rows++;
                List<FieldError> errors = row.errors();
                Checked checked = null;
                if (row.submission() != null) {
                    checked = capture.check(row.submission(), Channel.IMPORT);
                    if (!checked.valid()) {
                        errors = errors.isEmpty() ? checked.errors() : concat(errors, checked.errors());
                    }
                }
                if (!errors.isEmpty()) {
                    tally.reject(row.line(), errors);
                    continue;
                }
                chunk.add(new Pending(row.line(), checked));
                if (chunk.size() == config.chunkSize()) {
                    store(chunk, tally);
                    chunk.clear();
                }
            }
            store(chunk, tally);
            complete = !reader.broken();
            // Whatever the CSV said, the file's hash covers all of it.
            file.transferTo(OutputStream.nullOutputStream());
        }
        ImportReport report = new ImportReport(UUID.randomUUID(), tally.rows, tally.accepted(), tally.created, tally.resubmitted,
                tally.duplicatesInFile, tally.alreadyImported, tally.rejected, List.copyOf(tally.rejections), unknownColumns,
                (System.nanoTime() - started) / 1_000_000, complete, defaults, file.sha256(), file.bytes, importedBy, startedAt);
        Optional<ImportRepository.Stored> concurrent = await(() -> imports.save(report, idempotencyKey, Instant.now()));
        if (concurrent.isPresent()) {
            return replay(concurrent.get(), report.fileSha256());
        }
        LOG.infof("import %s by %s: %d rows, %d created, %d resubmitted, %d duplicates in file, %d already imported,"
                        + " %d rejected in %d ms", report.importId(), importedBy, report.rows(), report.created(), report.resubmitted(),
                report.duplicatesInFile(), report.alreadyImported(), report.rejected(), report.durationMillis());
        return new Outcome(report, false);
    }

    /** The body as the CSV reader sees it: closing the reader must not close the request before it is all hashed. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    private static Outcome replay(ImportRepository.Stored earlier, String sha256) {
        if (!earlier.report().fileSha256().equals(sha256)) {
            throw new UnprocessableException("idempotency-key-reused", "This Idempotency-Key was first used to import "
                    + "another file; use a new key for a new file.");
        }
        return new Outcome(earlier.report(), true);
    }

    /** A valid row waiting for its chunk to be stored. */
    private record Pending(long line, Checked checked) {
    }

    private void store(List<Pending> chunk, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        List<BatchItem> items = chunk.stream().map(p -> new BatchItem(p.checked(), KEY_PREFIX + p.checked().fingerprint())).toList();
        long t0 = System.nanoTime();
        List<Batched> outcomes = await(() -> capture.captureBatch(items, Channel.IMPORT));
        LOG.debugf("chunk of %d rows stored in %d ms", items.size(), (System.nanoTime() - t0) / 1_000_000);
        for (int i = 0; i < chunk.size(); i++) {
            tally.count(chunk.get(i), outcomes.get(i));
        }
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            // Hibernate Reactive runs on a Vert.x context: each chunk gets one, and this worker thread waits.
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable t) {
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    private static List<FieldError> concat(List<FieldError> a, List<FieldError> b) {
        List<FieldError> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The report's counts; remembers the people and rows this import stored as 64-bit hashes. */
    static final class Tally {
        private final int maxRejections;
        final List<ImportReport.Rejection> rejections = new ArrayList<>();
        private final LongHashSet people = new LongHashSet();
        private final LongHashSet rowsStored = new LongHashSet();
        long rows;
        long rejected;
        long created;
        long resubmitted;
        long duplicatesInFile;
        long alreadyImported;

        Tally(int maxRejections) {
            this.maxRejections = maxRejections;
        }

        long accepted() {
            return rows - rejected;
        }

        void reject(long line, List<FieldError> errors) {
            rejected++;
            if (rejections.size() < maxRejections) {
                rejections.add(new ImportReport.Rejection(line, List.copyOf(errors)));
            }
        }

        private void count(Pending row, Batched outcome) {
            if (outcome.refused() != null) {
                reject(row.line(), List.of(outcome.refused()));
                return;
            }
            long rowHash = hash(row.checked().fingerprint());
            long person = hash(LeadIdentity.emailKey(row.checked().submission().email()));
            if (outcome.captured().replayed()) {
                if (rowsStored.contains(rowHash)) {
                    duplicatesInFile++;
                } else {
                    alreadyImported++;
                }
                return;
            }
            rowsStored.add(rowHash);
            if (!outcome.captured().resubmitted()) {
                created++;
            } else if (people.contains(person)) {
                duplicatesInFile++;
            } else {
                resubmitted++;
            }
            people.add(person);
        }

        private static long hash(String value) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
                long h = 0;
                for (int i = 0; i < 8; i++) {
                    h = (h << 8) | (digest[i] & 0xff);
                }
                return h;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The request body, counted and hashed (SHA-256) as it is read. */
    private static final class HashingStream extends FilterInputStream {
        private final MessageDigest digest;
        long bytes;

        HashingStream(InputStream in) {
            super(in);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
                bytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(0); // never skip unhashed bytes
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
