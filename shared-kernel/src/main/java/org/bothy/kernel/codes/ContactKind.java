package org.bothy.kernel.codes;

/** How a worker was in touch with a person: visit, call, message or meeting. */
public record ContactKind(String code, String label, String description) {
}
