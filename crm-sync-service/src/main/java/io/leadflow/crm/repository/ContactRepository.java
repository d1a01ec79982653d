package io.leadflow.crm.repository;

import io.leadflow.crm.domain.Contact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** The contact with this address (compared in lower case), or null. */
    public Uni<Contact> findByEmail(String email) {
        return find("email", Contact.key(email)).firstResult();
    }
}
