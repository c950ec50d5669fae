package org.bothy.kernel.codes;

/** A partner organisation of the consortium; its code is the suffix of its learning topic. */
public record Organisation(String code, String label, String description) {
}
