package io.leadflow.routing.config;

import io.leadflow.routing.domain.QualificationTemplates;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the qualification templates from {@code leadflow.routing.qualification.*} once, at start-up: a missing or
 * invalid templates file, an unknown offered id or a default that is not offered stops the service with every
 * mistake named, rather than failing SDRs later.
 */
@ApplicationScoped
public class QualificationSetup {

    private static final Logger LOG = Logger.getLogger(QualificationSetup.class);

    @Produces
    @Singleton
    @Startup
    QualificationTemplates templates(RoutingConfig config) {
        RoutingConfig.QualificationSettings settings = config.qualification();
        Optional<String> file = settings.templatesFile().map(QualificationSetup::read);
        QualificationTemplates templates = QualificationTemplates.configure(settings.template(), settings.offered(), file);
        LOG.infof("qualification templates offered: %s (default %s)%s",
                templates.offered().stream().map(t -> t.id()).toList(), templates.defaultTemplate().id(),
                settings.templatesFile().map(path -> ", templates file " + path).orElse(""));
        return templates;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("leadflow.routing.qualification.templates-file: cannot read " + path, e);
        }
    }
}
