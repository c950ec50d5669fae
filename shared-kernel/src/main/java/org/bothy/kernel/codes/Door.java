package org.bothy.kernel.codes;

/** A route in through which a person comes to a partner (drop-in, referral, outreach, ...): any door lets you in. */
public record Door(String code, String label, String description) {
}
