package io.leadflow.enrichment.api;

import io.leadflow.enrichment.company.ReferenceCsv;
import io.leadflow.enrichment.domain.CompanyFacts;
import io.leadflow.enrichment.domain.Websites;
import io.leadflow.enrichment.repository.ReferenceCompanies;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.leadflow.web.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.StringReader;

/** The company reference data RevOps loads: the first, local step of the provider waterfall. */
@Path("/api/v1/enrichment/reference-companies")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
public class ReferenceDataResource {

    private final ReferenceCompanies companies;

    public ReferenceDataResource(ReferenceCompanies companies) {
        this.companies = companies;
    }

    /** How many companies were loaded, and how many the reference data holds now. */
    public record Loaded(int loaded, long total) {
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load company reference data", description = "A CSV (RFC 4180, UTF-8) with a header naming the "
            + "columns domain (required), name, industry, employees, revenue, country (ISO alpha-2). Each row inserts or "
            + "replaces the company of its domain. All or nothing: one bad row and nothing is loaded.")
    @APIResponse(responseCode = "200", description = "Loaded")
    @APIResponse(responseCode = "400", description = "A bad header or rows; the problem names each line and field")
    public Uni<Loaded> load(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidRequestException("body", "a CSV with a header line is required");
        }
        ReferenceCsv.Parsed parsed = ReferenceCsv.parse(new StringReader(csv));
        if (!parsed.errors().isEmpty()) {
            throw new InvalidRequestException(parsed.errors());
        }
        return companies.upsert(parsed.companies().values())
                .chain(loaded -> companies.count().map(total -> new Loaded(loaded, total)));
    }

    @GET
    @Path("/{domain}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The reference company of a domain", description = "As the waterfall reads it: the domain's own "
            + "row or its parent domain's.")
    @APIResponse(responseCode = "404", description = "No reference company for this domain")
    public Uni<CompanyFacts> get(@PathParam("domain") String domain) {
        String normalised = Websites.domainOf(domain);
        if (normalised == null) {
            throw new InvalidRequestException("domain", "must be a domain such as acme.com");
        }
        return companies.find(normalised).map(found -> found.orElseThrow(
                () -> new NotFoundException("There is no reference company for " + normalised + ".")));
    }
}
