package io.leadflow.capture.repository;

import io.leadflow.capture.domain.Submission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** A lead's submissions, oldest first. */
    public Uni<List<Submission>> ofLead(UUID leadId) {
        return list("leadId = ?1 order by submittedAt, id", leadId);
    }
}
