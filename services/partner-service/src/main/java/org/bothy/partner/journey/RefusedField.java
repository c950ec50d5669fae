package org.bothy.partner.journey;

/** Refusal: one field of a command breaks a rule of the journey; the message says which and why, never its value. */
public class RefusedField extends RuntimeException {

    private final String field;
    private final String reason;

    public RefusedField(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The command field refused, named as the request names it. */
    public String field() {
        return field;
    }

    /** Why it was refused. */
    public String reason() {
        return reason;
    }
}
