package io.leadflow.capture.imports;

import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.SubmissionValidator;
import io.leadflow.capture.domain.Utm;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** CSV imports of leads (events, badge scans): upload a file, get its report; read a report again later. */
@Path("/api/v1/imports")
@RolesAllowed({Roles.INTEGRATION, Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final CsvImportService service;
    private final ImportRepository imports;
    private final SecurityIdentity caller;

    public ImportResource(CsvImportService service, ImportRepository imports, SecurityIdentity caller) {
        this.service = service;
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    @Blocking
    @Operation(summary = "Import leads from a CSV file", description = "Streams the file (UTF-8, RFC 4180, header row "
            + "naming the columns), checks every row with the capture rules and stores the valid ones as the API would, "
            + "one lead per person. Rows identical to rows imported before are not stored again. Roles integration, "
            + "revops, admin.")
    @APIResponse(responseCode = "200", description = "The import report: counts, rejected rows with line and reasons")
    @APIResponse(responseCode = "400", description = "The file cannot be imported at all (empty, no e-mail column, "
            + "a bad query parameter); nothing was stored")
    @APIResponse(responseCode = "413", description = "The file is over leadflow.capture.imports.max-size")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with another file")
    public Response upload(InputStream body, @QueryParam("source") String source, @QueryParam("medium") String medium,
                           @QueryParam("campaign") String campaign, @QueryParam("formId") String formId,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam("Content-Type") String contentType) throws IOException {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
        CsvImportService.Outcome outcome = service.importFile(body, charset(contentType), defaults(source, medium, campaign, formId),
                caller.getPrincipal().getName(), idempotencyKey);
        return Response.ok(outcome.report()).header("Idempotent-Replayed", outcome.replayed() ? "true" : null).build();
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "An import's report", description = "The report the upload answered. An integration sees "
            + "its own imports only; revops and admin see all.")
    public Uni<ImportReport> get(@PathParam("importId") UUID importId) {
        return imports.byId(importId).map(found -> found
                .filter(stored -> caller.hasRole(Roles.REVOPS) || caller.hasRole(Roles.ADMIN)
                        || stored.importedBy().equals(caller.getPrincipal().getName()))
                .map(ImportRepository.Stored::report)
                .orElseThrow(() -> new NotFoundException("no import " + importId)));
    }

    /** The query parameters, checked by the capture rules of the fields they stand for. */
    static ImportReport.Defaults defaults(String source, String medium, String campaign, String formId) {
        SubmissionValidator.Result checked = SubmissionValidator.validate(new LeadSubmission("import@leadflow.io", null, null,
                null, null, null, null, null, null, new Utm(source, medium, campaign, null, null), null, null, formId));
        if (!checked.valid()) {
            throw new InvalidRequestException(checked.errors().stream()
                    .map(e -> new FieldError(e.field().replace("utm.", ""), e.reason())).toList());
        }
        Utm utm = checked.submission().utm();
        return new ImportReport.Defaults(utm.source(), utm.medium(), utm.campaign(), checked.submission().formId());
    }

    /** The charset the sender names (Excel's "CSV" is Windows-1252), UTF-8 when it names none. */
    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    String name = pair[1].strip().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidRequestException("Content-Type", "names a charset this server does not know: " + name);
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
