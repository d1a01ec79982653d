package io.leadflow.capture.imports;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;
import io.leadflow.capture.imports.ImportColumns.Field;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads an imported CSV file one row at a time (never the whole file): UTF-8 with or without a
 * byte-order mark, RFC 4180 (quoted fields with separators, doubled quotes and line breaks; CRLF or
 * LF). The first non-blank row is the header ({@link ImportColumns}); blank rows are skipped. Each
 * row becomes a {@link LeadSubmission} as a client would have sent it, with the upload's defaults
 * where the row leaves a field empty; the capture rules are applied later, by the capture service.
 *
 * <p>Line numbers are the file's physical lines (the header is line 1 when it is the first line): a
 * row whose quoted field spans three lines starts on its first one, and the next row is numbered
 * after all three, as a text editor shows them.
 */
public final class CsvLeadReader implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // counted by hand, so line numbers stay physical
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ImportColumns columns;
    private final Defaults defaults;
    private boolean broken;

    /** What an upload says about all its rows (query parameters): used where a row has nothing. */
    public record Defaults(String source, String medium, String campaign, String formId) {
        public static final Defaults NONE = new Defaults(null, null, null, null);
    }

    /**
     * One data row: its first physical line, the submission it holds (null when the row cannot be read
     * as the header says: too many or too few cells) and what is wrong with the row as CSV.
     */
    public record Row(long line, LeadSubmission submission, List<FieldError> errors) {
    }

    private CsvLeadReader(CSVParser parser, Defaults defaults) {
        this.parser = parser;
        this.records = parser.iterator();
        this.defaults = defaults;
        List<String> header = null;
        try {
            while (header == null && records.hasNext()) {
                CSVRecord record = records.next();
                if (!blank(record)) {
                    header = record.toList();
                }
            }
        } catch (UncheckedIOException e) {
            if (unreadable(e)) {
                throw new InvalidRequestException("body", "the header row is not valid CSV: " + e.getCause().getMessage());
            }
            throw e;
        }
        if (header == null) {
            throw new InvalidRequestException("body", "the file is empty: its first row must name the columns (email, firstName, ...)");
        }
        this.columns = ImportColumns.of(header);
    }

    /**
     * Opens a file and reads its header row. Throws {@link InvalidRequestException} when the file is
     * empty, has no e-mail column, or its header cannot be read.
     */
    public static CsvLeadReader open(InputStream in, Defaults defaults) throws IOException {
        return open(in, StandardCharsets.UTF_8, defaults);
    }

    /** The same, for a file its sender says is in another encoding (Content-Type's charset). */
    public static CsvLeadReader open(InputStream in, Charset charset, Defaults defaults) throws IOException {
        // Bytes that are not of the charset become U+FFFD and the cells holding them are refused (see row): the rows
        // of an export saved in another encoding that are plain ASCII are still imported, the others say why not.
        Reader utf8 = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        PushbackReader reader = new PushbackReader(new BufferedReader(utf8, 64 * 1024));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return new CsvLeadReader(CSVParser.builder().setReader(reader).setFormat(FORMAT).get(), defaults);
    }

    /** Whether the file stopped being readable CSV before its end (the last row said why). */
    public boolean broken() {
        return broken;
    }

    public ImportColumns columns() {
        return columns;
    }

    /**
     * The next data row, or null at the end of the file. A file that stops being CSV (a quote never
     * closed, text after a closing quote) yields one last row with the
     * reason, and nothing after it: from there on, rows and lines cannot be told apart any more.
     * Cells with bytes that are not UTF-8 are reported with their row, which is not imported.
     */
    public Row next() {
        if (broken) {
            return null;
        }
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!unreadable(e)) {
                    throw e;
                }
                broken = true;
                return new Row(line, null, List.of(new FieldError("row", "cannot be read, nor anything after it: "
                        + reason(e.getCause()))));
            }
            if (!blank(record)) {
                return row(line, record);
            }
        }
    }

    private Row row(long line, CSVRecord record) {
        List<String> cells = record.toList();
        List<FieldError> errors = new ArrayList<>();
        if (cells.size() < columns.width()) {
            errors.add(new FieldError("row", "has " + cells.size() + " cells where the header has " + columns.width()));
        } else if (cells.size() > columns.width() && !cells.subList(columns.width(), cells.size()).stream().allMatch(CsvLeadReader::blank)) {
            errors.add(new FieldError("row", "has " + cells.size() + " cells where the header has " + columns.width()
                    + " (a value with a comma must be quoted)"));
        }
        if (!errors.isEmpty()) {
            return new Row(line, null, errors);
        }
        for (Field field : Field.values()) {
            String value = columns.cell(cells, field);
            if (value != null && value.indexOf('\uFFFD') >= 0) {
                errors.add(new FieldError(field.apiName(), "is not UTF-8 text: save the file as CSV UTF-8 (or send its charset in Content-Type)"));
            }
        }
        Boolean marketing = null;
        String consentCell = cell(cells, Field.CONSENT);
        if (consentCell != null) {
            marketing = consent(consentCell);
            if (marketing == null) {
                errors.add(new FieldError("consent", "must be yes or no (true/false, 1/0 also do)"));
            }
        }
        String consentText = cell(cells, Field.CONSENT_TEXT);
        String consentVersion = cell(cells, Field.CONSENT_VERSION);
        Consent consent = marketing == null && consentText == null && consentVersion == null
                ? null : new Consent(marketing, consentText, consentVersion);
        Utm utm = new Utm(or(cell(cells, Field.UTM_SOURCE), defaults.source()), or(cell(cells, Field.UTM_MEDIUM), defaults.medium()),
                or(cell(cells, Field.UTM_CAMPAIGN), defaults.campaign()), cell(cells, Field.UTM_TERM), cell(cells, Field.UTM_CONTENT));
        boolean noUtm = utm.source() == null && utm.medium() == null && utm.campaign() == null && utm.term() == null
                && utm.content() == null;
        LeadSubmission submission = new LeadSubmission(cell(cells, Field.EMAIL), cell(cells, Field.FIRST_NAME),
                cell(cells, Field.LAST_NAME), cell(cells, Field.COMPANY), cell(cells, Field.JOB_TITLE), cell(cells, Field.PHONE),
                cell(cells, Field.COUNTRY), cell(cells, Field.MESSAGE), cell(cells, Field.STATE), cell(cells, Field.WEBSITE),
                cell(cells, Field.INDUSTRY), cell(cells, Field.EMPLOYEES), cell(cells, Field.REVENUE), consent,
                noUtm ? null : utm, cell(cells, Field.PAGE_URL), cell(cells, Field.REFERRER),
                or(cell(cells, Field.FORM_ID), defaults.formId()), null, null, null, null);
        return new Row(line, submission, List.copyOf(errors));
    }

    /**
     * A cell's text, or null when blank: the capture rules trim and normalise the rest. A line break in a
     * quoted cell is a line feed whatever the file's own line ends (CRLF from Windows, CR from old Macs).
     */
    private String cell(List<String> cells, Field field) {
        String value = columns.cell(cells, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    static Boolean consent(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "on", "oui" -> Boolean.TRUE;
            case "no", "n", "false", "0", "off", "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!blank(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A file that is not (UTF-8) CSV, as opposed to a failure to read the request. */
    private static boolean unreadable(UncheckedIOException e) {
        return e.getCause() instanceof CSVException;
    }

    private static String reason(IOException e) {
        return e.getMessage();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
