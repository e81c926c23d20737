package org.ketamineclinic.platform;

/** One rejected input field and the reason, shown to API clients and next to form fields. */
public record FieldProblem(String field, String message) {
}
