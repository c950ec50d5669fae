package org.bothy.kernel.codes;

/** A factor in a person's life a barrier belongs to (housing, debt, ...). */
public record Theme(String code, String label, String description) {
}
