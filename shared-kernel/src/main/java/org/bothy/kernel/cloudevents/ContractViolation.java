package org.bothy.kernel.cloudevents;

/** A message that is not a valid contract; the message is the reason, fit for a dead-letter header. */
public class ContractViolation extends RuntimeException {

    public ContractViolation(String reason) {
        super(reason);
    }

    public ContractViolation(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The reason, the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
