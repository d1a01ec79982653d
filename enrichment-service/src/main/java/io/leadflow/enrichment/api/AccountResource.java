package io.leadflow.enrichment.api;

import io.leadflow.enrichment.accounts.AccountBook;
import io.leadflow.enrichment.domain.Account;
import io.leadflow.enrichment.domain.AccountLookup;
import io.leadflow.enrichment.domain.Websites;
import io.leadflow.web.FieldError;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The accounts leads are matched against: RevOps imports the CRM's account book and checks how a company matches. */
@Path("/api/v1/enrichment/accounts")
@RolesAllowed({Roles.REVOPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final int MAX_ACCOUNTS = 50_000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final AccountBook book;

    public AccountResource(AccountBook book) {
        this.book = book;
    }

    /** An account as imported: the CRM's id, the company name, its web domains, HQ country and owner. */
    public record AccountIn(String id, String name, List<String> domains, String country, String ownerId) {
    }

    public record Imported(int imported, int accounts) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import accounts", description = "A JSON array of accounts (id, name, domains, country, ownerId), "
            + "at most 50,000 per request; each inserts or replaces the account of its id. All or nothing.")
    @APIResponse(responseCode = "200", description = "Imported; the index leads are matched against is rebuilt")
    @APIResponse(responseCode = "400", description = "Bad accounts; the problem names each one ([i].field) and the reason")
    public Uni<Imported> importAccounts(List<AccountIn> accounts) {
        if (accounts == null || accounts.isEmpty()) {
            throw new InvalidRequestException("body", "a JSON array of at least one account is required");
        }
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidRequestException("body", "at most " + MAX_ACCOUNTS + " accounts per request");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Account> valid = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            AccountIn a = accounts.get(i);
            String at = "[" + i + "].";
            int before = errors.size();
            if (a == null) {
                errors.add(new FieldError("[" + i + "]", "must be an account object"));
                continue;
            }
            text(at + "id", a.id(), 100, true, errors);
            text(at + "name", a.name(), 200, false, errors);
            text(at + "ownerId", a.ownerId(), 100, false, errors);
            List<String> domains = a.domains() == null ? List.of() : a.domains();
            if (domains.size() > 20) {
                errors.add(new FieldError(at + "domains", "at most 20 domains"));
            }
            for (int d = 0; d < domains.size(); d++) {
                if (Websites.domainOf(domains.get(d)) == null) {
                    errors.add(new FieldError(at + "domains[" + d + "]", "must be a domain such as acme.com"));
                }
            }
            if ((a.name() == null || a.name().isBlank()) && domains.isEmpty()) {
                errors.add(new FieldError(at + "name", "an account needs a name or a domain to be matched"));
            }
            if (a.country() != null && !COUNTRY.matcher(a.country()).matches()) {
                errors.add(new FieldError(at + "country", "must be an ISO 3166 alpha-2 code such as FR"));
            }
            if (errors.size() == before) {
                valid.add(new Account(a.id().strip(), a.name() == null ? null : a.name().strip(), Set.copyOf(domains),
                        a.country(), a.ownerId() == null || a.ownerId().isBlank() ? null : a.ownerId().strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        return book.upsert(valid, "import").map(n -> new Imported(n, book.size()));
    }

    @GET
    @Path("/match")
    @Operation(summary = "Which account a company matches", description = "As enrichment matches a lead: by domain, else "
            + "by name (fuzzy), with the confidence and the reason codes; ambiguous answers list the rivals.")
    public AccountLookup match(@QueryParam("domain") String domain, @QueryParam("company") String company,
                               @QueryParam("country") String country) {
        if ((domain == null || domain.isBlank()) && (company == null || company.isBlank())) {
            throw new InvalidRequestException("domain", "give a domain or a company name");
        }
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new InvalidRequestException("country", "must be an ISO 3166 alpha-2 code such as FR");
        }
        return book.lookup(Websites.domainOf(domain), company, country);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<Account> get(@PathParam("id") String id) {
        return book.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("There is no account " + id + ".")));
    }

    private static void text(String field, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
