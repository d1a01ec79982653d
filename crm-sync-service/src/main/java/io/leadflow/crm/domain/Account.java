package io.leadflow.crm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A company in the built-in CRM, keyed by its domain when it has one. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;
    public String name;
    public String domain;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Account create(AccountMatch match, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = match.name();
        account.domain = match.domain();
        account.createdAt = now;
        return account;
    }
}
