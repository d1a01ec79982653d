package io.leadflow.enrichment.api;

import io.leadflow.enrichment.domain.Enrichment;
import io.leadflow.enrichment.domain.EnrichmentService;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** RevOps' check of enrichment: what a lead would be enriched to, with nothing stored or emitted. */
@Path("/api/v1/enrichment/preview")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class EnrichmentPreviewResource {

    private static final int MAX_LENGTH = 320;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final EnrichmentService enrichment;

    public EnrichmentPreviewResource(EnrichmentService enrichment) {
        this.enrichment = enrichment;
    }

    /** A lead as capture stores it: the country as an ISO 3166 alpha-2 code, the phone in any format. */
    public record Lead(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                       String country, String state, String website, String industry, String employees, String revenue) {
    }

    /** The answer: exactly what LeadEnriched.enrichment would carry. */
    public record Preview(Enrichment enrichment) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the enrichment of a lead", description = "Takes a lead as capture stores it and answers "
            + "what LeadEnriched.enrichment would carry (person from the job title, phone, geography, e-mail class, role "
            + "account, data quality), without storing or emitting anything.")
    @APIResponse(responseCode = "200", description = "What the lead would be enriched to")
    @APIResponse(responseCode = "400", description = "Invalid; the problem body names each bad field")
    public Uni<Preview> preview(Lead lead) {
        if (lead == null) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String email = lead.email() == null ? null : lead.email().strip();
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (email == null || at <= 0 || at == email.length() - 1) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@company.com"));
        }
        String country = lead.country() == null || lead.country().isBlank() ? null : lead.country().strip();
        if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add(new FieldError("country", "must be an ISO 3166 alpha-2 code such as FR (capture turns names into codes)"));
        }
        checkLength("email", lead.email(), errors);
        checkLength("firstName", lead.firstName(), errors);
        checkLength("lastName", lead.lastName(), errors);
        checkLength("company", lead.company(), errors);
        checkLength("jobTitle", lead.jobTitle(), errors);
        checkLength("phone", lead.phone(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        checkLength("state", lead.state(), errors);
        checkLength("website", lead.website(), errors);
        checkLength("industry", lead.industry(), errors);
        checkLength("employees", lead.employees(), errors);
        checkLength("revenue", lead.revenue(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return enrichment.preview(new Enrichment.Input(email, lead.firstName(), lead.lastName(), lead.company(),
                lead.jobTitle(), lead.phone(), country, lead.state(), lead.website(), lead.industry(), lead.employees(),
                lead.revenue())).map(Preview::new);
    }

    private static void checkLength(String field, String value, List<FieldError> errors) {
        if (value != null && value.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
        }
    }
}
