package io.leadflow.routing.domain;

import io.leadflow.routing.roster.OutOfOffice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stored out-of-office period of an SDR: {@code [startsAt, endsAt)}. */
@Entity
@Table(name = "sdr_out_of_office")
public class OutOfOfficePeriod {

    @Id
    public UUID id;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static OutOfOfficePeriod of(String sdrId, Instant startsAt, Instant endsAt, String note, Instant createdAt,
                                       String createdBy) {
        OutOfOfficePeriod period = new OutOfOfficePeriod();
        period.id = UUID.randomUUID();
        period.sdrId = sdrId;
        period.startsAt = startsAt;
        period.endsAt = endsAt;
        period.note = note;
        period.createdAt = createdAt;
        period.createdBy = createdBy;
        return period;
    }

    public OutOfOffice toPeriod() {
        return new OutOfOffice(startsAt, endsAt);
    }
}
