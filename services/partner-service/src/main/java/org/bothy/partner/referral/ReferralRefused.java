package org.bothy.partner.referral;

/**
 * Refusal: a referral's rule forbids what was asked. When one field of the request is at fault it is named (and the
 * answer is 400); otherwise what was asked conflicts with what is recorded (409). The message never holds a reason's
 * or a person's text.
 */
public class ReferralRefused extends RuntimeException {

    private final String field;

    private ReferralRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Refused for what is recorded. */
    static ReferralRefused conflict(String message) {
        return new ReferralRefused(null, message);
    }

    /** Refused for one field of the request. */
    static ReferralRefused field(String field, String reason) {
        return new ReferralRefused(field, reason);
    }

    /** The request field at fault, or null when the refusal is a conflict with what is recorded. */
    public String field() {
        return field;
    }
}
