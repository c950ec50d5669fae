package org.bothy.place.query;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The filters every place view takes, each optional: a date range ({@code from} and {@code to}, both inclusive),
 * one organisation, one theme and one system actor. Null means "any".
 */
public record ViewFilters(LocalDate from, LocalDate to, String organisation, String theme, String systemActor) {

    /** No filter at all. */
    public static final ViewFilters NONE = new ViewFilters(null, null, null, null, null);

    // Organisations are checked by shape only: a partner that joins later is filterable without a code-list release.
    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Codes CODES = Codes.northEdinburgh();

    /** Reads the request's filters, refusing every bad one at once with its field and reason. */
    public static ViewFilters parse(String from, String to, String organisation, String theme, String systemActor) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "must not be before from (" + fromDate + ")"));
        }
        String org = blankToNull(organisation);
        if (org != null && (org.length() > 64 || !CODE.matcher(org).matches())) {
            problems.add(new FieldProblem("organisation", "not an organisation code (lower-case words joined by '-')"));
        }
        code("theme", theme, CODES::theme, problems);
        code("systemActor", systemActor, CODES::systemActor, problems);
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return new ViewFilters(fromDate, toDate, org, blankToNull(theme), blankToNull(systemActor));
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException bad) {
            problems.add(new FieldProblem(field, "not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static void code(String field, String value, Consumer<String> lookup, List<FieldProblem> problems) {
        String given = blankToNull(value);
        if (given == null) {
            return;
        }
        try {
            lookup.accept(given);
        } catch (UnknownCodeException unknown) {
            problems.add(new FieldProblem(field, unknown.getMessage()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
