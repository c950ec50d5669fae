package org.bothy.support.web;

import java.util.List;

/**
 * Thrown by a service when a request field is refused for a reason only the service can judge (an unknown code, a
 * date in the future); answered as 400 with {@code errors: [{field, reason}]}. Nothing has been stored.
 */
public class InvalidField extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidField(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidField(List<FieldProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    /** A refused code (for instance the kernel's {@code UnknownCodeException}) reported against {@code field}. */
    public static InvalidField of(String field, RuntimeException refusal) {
        InvalidField invalid = new InvalidField(field, refusal.getMessage());
        invalid.initCause(refusal);
        return invalid;
    }

    /** The fields refused, each with its reason. */
    public List<FieldProblem> problems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        StringBuilder s = new StringBuilder();
        for (FieldProblem p : problems) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(p.field()).append(": ").append(p.reason());
        }
        return s.toString();
    }
}
