package io.leadflow.capture.api;

import io.leadflow.capture.forms.Form;
import io.leadflow.capture.forms.FormCatalog;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * CORS per form: a page may read capture's answers from JavaScript only when its origin is one of
 * the form's allowed origins. The answers (success and problems alike) carry
 * Access-Control-Allow-Origin for that origin alone, never "*".
 */
public class FormCors {

    static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key";

    private final FormCatalog forms;

    public FormCors(FormCatalog forms) {
        this.forms = forms;
    }

    @ServerResponseFilter
    public void allowFormOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        List<String> path = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        // api / v1 / engagement: any origin a form lists may read the answer (beacons sent as text/plain never do).
        if (path.size() == 3 && "engagement".equals(path.get(2))) {
            allow(request, response, forms.sharesWithAny(request.getHeaderString("Origin")));
            return;
        }
        // api / v1 / forms / {formId} / submissions
        if (path.size() != 5 || !"forms".equals(path.get(2)) || !"submissions".equals(path.get(4))) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        allow(request, response, forms.find(path.get(3)).filter(form -> form.sharesWith(origin)).isPresent());
    }

    private static void allow(ContainerRequestContext request, ContainerResponseContext response, boolean shared) {
        response.getHeaders().add("Vary", "Origin");
        if (shared && response.getHeaders().getFirst("Access-Control-Allow-Origin") == null) {
            response.getHeaders().add("Access-Control-Allow-Origin", request.getHeaderString("Origin"));
            response.getHeaders().add("Access-Control-Expose-Headers", "Retry-After");
        }
    }

    /** The answer to a preflight: allowed for a listed origin, a plain 403 otherwise (the browser stops there). */
    static Response preflight(Optional<Form> form, String origin) {
        return preflight(form.isPresent() && form.get().sharesWith(origin), origin);
    }

    /** The answer to a preflight from an origin that may ({@code shared}) or may not read the answers. */
    static Response preflight(boolean shared, String origin) {
        if (!shared) {
            return Response.status(403).build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    /** A page of capture-service itself (the demo page): the same scheme, host and port. */
    static boolean sameOrigin(String origin, UriInfo uri) {
        if (origin == null) {
            return true;
        }
        URI base = uri.getBaseUri();
        String own = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
        return own.equalsIgnoreCase(origin);
    }
}
