package org.bothy.support.web;

/** One entry of a problem's {@code errors}: which field of the request, and why it was refused. */
public record FieldProblem(String field, String reason) {
}
