package org.bothy.partner.spend;

/** Refusal: a figure the LM3 cannot be worked out from, named by the field that carried it. */
public class InvalidSpendFigure extends RuntimeException {

    private final String field;

    public InvalidSpendFigure(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    /** The field of the request that carried the figure. */
    public String field() {
        return field;
    }

    /** Why it was refused, without the field's name. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
