package org.bothy.partner.learning;

/** Refusal: a learning cycle cannot hold this, named by the request field that carried it. */
public class InvalidLearningCycle extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidLearningCycle(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The request field. */
    public String field() {
        return field;
    }

    /** Why it was refused. */
    public String reason() {
        return reason;
    }
}
