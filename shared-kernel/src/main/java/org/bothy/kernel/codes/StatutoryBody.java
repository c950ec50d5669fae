package org.bothy.kernel.codes;

/** A public body that escalations can be put in front of. */
public record StatutoryBody(String code, String label, String description) {
}
