package io.leadflow.web;

/** One reason a request was refused, naming the field as the client sent it (dotted path for nested fields). */
public record FieldError(String field, String reason) {
}
