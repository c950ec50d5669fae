package org.bothy.support.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Explains why a JSON body could not be read, as the field path (e.g. {@code person.dateOfBirth}) and a reason that
 * says what was expected. It never repeats the value sent: it may be personal data.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static FieldProblem explain(HttpMessageNotReadableException ex) {
        JacksonException jackson = find(ex);
        if (jackson == null) {
            return new FieldProblem("body", "is missing or is not JSON");
        }
        String field = path(jackson.getPath());
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field, "is not a known field");
        }
        if (jackson instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : "is invalid";
            return new FieldProblem(field.isEmpty() ? "body" : field, reason);
        }
        if (jackson instanceof InvalidFormatException || jackson instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) jackson).getTargetType();
            return new FieldProblem(field.isEmpty() ? "body" : field, target == null ? "has the wrong type" : expected(target));
        }
        if (jackson instanceof StreamReadException) {
            return new FieldProblem(field.isEmpty() ? "body" : field, "is not well-formed JSON");
        }
        Throwable cause = jackson.getCause();
        if (cause instanceof java.time.DateTimeException || cause instanceof IllegalArgumentException) {
            return new FieldProblem(field.isEmpty() ? "body" : field, "is invalid: " + cause.getMessage());
        }
        return new FieldProblem(field.isEmpty() ? "body" : field, "could not be read");
    }

    /** What a value of {@code type} must look like, in words a caller can act on. */
    static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "must be a date in the form yyyy-MM-dd";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time in ISO-8601 form, e.g. 2025-01-31T09:30:00Z";
        }
        if (type == LocalDateTime.class) {
            return "must be a date and time in the form yyyy-MM-ddTHH:mm:ss";
        }
        if (type == LocalTime.class) {
            return "must be a time in the form HH:mm";
        }
        if (Temporal.class.isAssignableFrom(type) || type == java.time.Duration.class) {
            return "must be an ISO-8601 " + type.getSimpleName();
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "must be a " + type.getSimpleName();
    }

    private static JacksonException find(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
