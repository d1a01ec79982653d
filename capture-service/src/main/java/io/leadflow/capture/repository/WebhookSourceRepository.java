package io.leadflow.capture.repository;

import io.leadflow.capture.domain.WebhookSource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookSourceRepository implements PanacheRepositoryBase<WebhookSource, String> {
}
