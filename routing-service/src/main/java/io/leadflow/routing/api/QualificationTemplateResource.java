package io.leadflow.routing.api;

import io.leadflow.routing.domain.QualificationTemplate;
import io.leadflow.routing.domain.QualificationTemplates;
import io.leadflow.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The qualification templates an SDR may qualify a lead with (BANT, MEDDIC, CHAMP or RevOps' own). */
@Path("/api/v1/sdr/qualification-templates")
@RolesAllowed(Roles.SDR)
@Produces(MediaType.APPLICATION_JSON)
public class QualificationTemplateResource {

    /** The offered templates in order, and the id of the default one. */
    public record Templates(String defaultTemplate, List<Template> templates) {
    }

    public record Template(String id, String label, List<Field> fields) {
    }

    public record Field(String key, String label, String help, boolean required, int maxLength) {
    }

    private final Templates view;

    public QualificationTemplateResource(QualificationTemplates templates) {
        String defaultId = templates.defaultTemplate().id();
        this.view = new Templates(defaultId, templates.offered().stream().map(QualificationTemplateResource::of).toList());
    }

    @GET
    @Operation(summary = "Qualification templates", description = "The frameworks a lead can be qualified with, "
            + "each with its ordered fields (key, label, help, required, maxLength), and the default one.")
    public Templates list() {
        return view;
    }

    private static Template of(QualificationTemplate template) {
        return new Template(template.id(), template.label(), template.fields().stream()
                .map(f -> new Field(f.key(), f.label(), f.help(), f.required(), f.maxLength())).toList());
    }
}
