package io.leadflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Every error a Leadflow API returns is an RFC 9457 problem body: a bad request names each field
 * and the reason; an unexpected failure says nothing about internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return Problem.response(400, "invalid-request", "Invalid request",
                "The request has " + e.errors().size() + " invalid field(s).", uri.getPath(), e.errors());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return Problem.response(400, "invalid-request", "Invalid request",
                "The request has " + errors.size() + " invalid field(s).", uri.getPath(), errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String reason = e instanceof JsonMappingException ? "has the wrong type or format" : "the body is not valid JSON";
        return Problem.response(400, "invalid-request", "Invalid request", "The request body could not be read.",
                uri.getPath(), List.of(new FieldError(field.isEmpty() ? "body" : field, reason)));
    }

    // Quarkus REST ships its own mapper for this subtype; this one keeps the problem shape.
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.response(404, "not-found", "Not found", e.getMessage(), uri.getPath(), List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problem.response(409, "conflict", "Conflict", e.getMessage(), uri.getPath(), List.of());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(429, "rate-limited", "Too many requests", e.getMessage(),
                uri.getPath(), List.of())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, UriInfo uri) {
        return Problem.response(422, e.type(), "Unprocessable request", e.getMessage(), uri.getPath(), List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            // Quarkus REST wraps a body Jackson cannot parse in a plain 400: say which part was wrong.
            return unreadable(unreadableBody, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            // Keep the security layer's own answer (and its WWW-Authenticate challenge).
            return e.getResponse();
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String slug = type.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.response(status, slug, type.getReasonPhrase(), e.getMessage(), uri.getPath(), List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return Problem.response(500, "internal-error", "Internal error",
                "The request could not be completed; nothing was stored. It can be retried.", uri.getPath(), List.of());
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    // "submit.request.utm.source" -> "utm.source": drop the method and parameter nodes.
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        StreamSupport.stream(path.spliterator(), false).forEach(node -> {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
                default -> names.add(node.getName());
            }
        });
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
