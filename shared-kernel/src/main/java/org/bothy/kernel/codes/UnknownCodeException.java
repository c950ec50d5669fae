package org.bothy.kernel.codes;

import java.util.List;

/** A value that is not in the consortium's code list; the message names it and the valid ones. */
public class UnknownCodeException extends IllegalArgumentException {

    private final String kind;
    private final String value;
    private final List<String> validCodes;

    public UnknownCodeException(String kind, String value, List<String> validCodes) {
        super("unknown " + kind + " '" + value + "'; valid " + plural(kind) + ": " + String.join(", ", validCodes));
        this.kind = kind;
        this.value = value;
        this.validCodes = List.copyOf(validCodes);
    }

    /**
     * What kind of code it was meant to be: organisation, statutoryBody, theme, systemActor, level, owner, issueStatus,
     * door, contactKind, softMeasureDimension, learningCycleScale.
     */
    public String kind() {
        return kind;
    }

    /** The value given. */
    public String value() {
        return value;
    }

    /** The codes that would have been accepted, sorted. */
    public List<String> validCodes() {
        return validCodes;
    }

    private static String plural(String kind) {
        return kind.endsWith("s") ? kind + "es" : kind + "s";
    }
}
