package io.leadflow.sla.kpi;

import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Campaign spend RevOps enters per campaign and month (one figure per pair; a new one replaces it). */
@ApplicationScoped
public class CampaignSpend {

    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final Pool db;

    public CampaignSpend(Pool db) {
        this.db = db;
    }

    public record Entry(String campaign, String month, BigDecimal amount, String currency, Instant updatedAt,
                        String updatedBy) {
    }

    public record Request(BigDecimal amount, String currency) {
    }

    /** Stores the spend of a campaign in a month; 400 naming every bad field. Campaigns are matched lower-case. */
    public Uni<Entry> put(String campaign, String month, Request request, String by) {
        List<FieldError> errors = new ArrayList<>();
        String name = campaign == null ? "" : campaign.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("campaign", "must be 1-200 characters"));
        }
        YearMonth parsed = null;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new FieldError("month", "must be a month YYYY-MM"));
        }
        if (request == null) {
            throw new InvalidRequestException("body", "{\"amount\": number, \"currency\": \"EUR\"} is required");
        }
        if (request.amount() == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (request.amount().signum() < 0 || request.amount().compareTo(MAX) >= 0 || request.amount().scale() > 2) {
            errors.add(new FieldError("amount", "must be at least 0, below 10^12, with at most two decimals"));
        }
        String currency = request.currency() == null ? null : request.currency().strip().toUpperCase(Locale.ROOT);
        try {
            if (currency == null || currency.length() != 3) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR or USD"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return db.preparedQuery("""
                        insert into campaign_spend (campaign, month, amount, currency, updated_at, updated_by)
                        values ($1, $2, $3, $4, now(), $5)
                        on conflict (campaign, month) do update set amount = excluded.amount, currency = excluded.currency,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        returning *""")
                .execute(Tuple.of(name, parsed.atDay(1), request.amount(), currency, by))
                .map(rows -> entry(rows.iterator().next()));
    }

    public Uni<List<Entry>> list(Months months) {
        return db.preparedQuery("select * from campaign_spend where month between $1 and $2 order by month, campaign")
                .execute(Tuple.of(months.from(), months.to()))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    private static Entry entry(Row row) {
        return new Entry(row.getString("campaign"), YearMonth.from(row.getLocalDate("month")).toString(),
                row.getBigDecimal("amount"), row.getString("currency"), row.getOffsetDateTime("updated_at").toInstant(),
                row.getString("updated_by"));
    }
}
