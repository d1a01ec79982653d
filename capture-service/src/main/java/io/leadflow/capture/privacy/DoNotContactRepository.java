package io.leadflow.capture.privacy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DoNotContactRepository implements PanacheRepositoryBase<DoNotContact, String> {

    public Uni<Boolean> isListed(String emailKey) {
        return findById(emailKey).map(java.util.Objects::nonNull);
    }
}
