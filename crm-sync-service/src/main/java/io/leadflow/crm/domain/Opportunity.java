package io.leadflow.crm.domain;

import io.leadflow.web.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal opened for one sales-qualified lead (at most one per lead), later closed won or lost. */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    public static final String DISCOVERY = "discovery";

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "contact_id")
    public UUID contactId;
    public String name;
    public String stage;
    @Column(name = "owner_id")
    public String ownerId;
    public BigDecimal amount;
    /** The framework and answers the SDR qualified the lead with (V3). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Qualification qualification;
    /** The BANT answers, for a BANT qualification only (null for MEDDIC, CHAMP ...). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Bant bant;
    public String notes;
    @Column(name = "qualified_at")
    public Instant qualifiedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When anything about the deal last changed: the built-in CRM's modification stamp. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "close_reason")
    public String closeReason;

    /** A new opportunity in discovery, owned by the SDR who qualified the lead. */
    public static Opportunity open(UUID leadId, Account account, Contact contact, String name, String ownerId,
                                   Qualification qualification, Bant bant, String notes, Instant qualifiedAt,
                                   Instant now) {
        Opportunity opportunity = new Opportunity();
        opportunity.id = UUID.randomUUID();
        opportunity.leadId = leadId;
        opportunity.accountId = account.id;
        opportunity.contactId = contact.id;
        opportunity.name = name;
        opportunity.stage = DISCOVERY;
        opportunity.ownerId = ownerId;
        opportunity.qualification = qualification;
        opportunity.bant = bant;
        opportunity.notes = notes;
        opportunity.qualifiedAt = qualifiedAt;
        opportunity.createdAt = now;
        opportunity.updatedAt = now;
        return opportunity;
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** Closes the opportunity; an opportunity closes once. */
    public void close(Closing closing, Instant now) {
        if (closed()) {
            throw new ConflictException("opportunity " + id + " was already closed " + outcome + " at " + closedAt);
        }
        outcome = closing.outcome();
        stage = closing.outcome().stage();
        closeReason = closing.reason();
        if (closing.amount() != null) {
            amount = closing.amount();
        }
        closedAt = now;
        updatedAt = now;
    }

    /** The open stages a deal moves through before it closes, in order. */
    public static final java.util.List<String> OPEN_STAGES = java.util.List.of(DISCOVERY, "demo", "proposal", "negotiation");

    /** Moves an open deal to another open stage; closing goes through {@link #close}. */
    public void moveTo(String openStage, Instant now) {
        if (closed()) {
            throw new ConflictException("opportunity " + id + " was already closed " + outcome + " at " + closedAt);
        }
        stage = openStage;
        updatedAt = now;
    }
}
