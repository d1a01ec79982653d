package io.leadflow.crm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person in the built-in CRM, one per e-mail address. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;
    public String email;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "job_title")
    public String jobTitle;
    public String phone;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The key contacts are matched by: the whole address in lower case. */
    public static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static Contact create(String email, Instant now) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.email = key(email);
        contact.createdAt = now;
        return contact;
    }

    /** Takes the latest details the lead gave; a detail the lead left out keeps what the CRM knew. */
    public void update(String firstName, String lastName, String jobTitle, String phone, UUID accountId, Instant now) {
        this.firstName = firstNonBlank(firstName, this.firstName);
        this.lastName = firstNonBlank(lastName, this.lastName);
        this.jobTitle = firstNonBlank(jobTitle, this.jobTitle);
        this.phone = firstNonBlank(phone, this.phone);
        this.accountId = accountId;
        this.updatedAt = now;
    }

    private static String firstNonBlank(String given, String known) {
        return given == null || given.isBlank() ? known : given.trim();
    }
}
