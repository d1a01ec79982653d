package io.leadflow.capture.forms;

import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.regex.Pattern;

/** Marketing's forms: where each may be embedded, what it requires, its consent text and its pages. */
@Path("/api/v1/admin/forms")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FormAdminResource {

    private static final Pattern FORM_ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    private final FormCatalog catalog;

    public FormAdminResource(FormCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Every configured form")
    public Uni<List<Form>> list() {
        return catalog.list();
    }

    @GET
    @Path("/{formId}")
    @Operation(summary = "One form")
    public Form get(@PathParam("formId") String formId) {
        return catalog.find(formId).orElseThrow(() -> new NotFoundException("no form " + formId));
    }

    @PUT
    @Path("/{formId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a form", description = "201 when created, 200 when replaced. Every "
            + "problem of the definition is reported at once (400, with the field). Other replicas apply the change "
            + "within leadflow.capture.forms-refresh.")
    public Uni<Response> put(@PathParam("formId") String formId, FormDefinition definition) {
        if (!FORM_ID.matcher(formId).matches()) {
            return Uni.createFrom().failure(new InvalidRequestException("formId", "must be 1 to 100 letters, digits, '-' or '_'"));
        }
        if (definition == null) {
            return Uni.createFrom().failure(new InvalidRequestException("body", "a JSON object is required"));
        }
        var problems = definition.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(problems));
        }
        return catalog.save(formId, definition)
                .map(saved -> Response.status(saved.created() ? 201 : 200).entity(saved.form()).build());
    }

    @DELETE
    @Path("/{formId}")
    @Operation(summary = "Delete a form", description = "Submissions to its id are still captured, with no form rules.")
    public Uni<Response> delete(@PathParam("formId") String formId) {
        return catalog.delete(formId).map(existed -> {
            if (!existed) {
                throw new NotFoundException("no form " + formId);
            }
            return Response.noContent().build();
        });
    }
}
