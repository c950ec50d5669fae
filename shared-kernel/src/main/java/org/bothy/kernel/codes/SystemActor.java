package org.bothy.kernel.codes;

/** A part of the system that causes barriers, and the statutory body answerable for it. */
public record SystemActor(String code, String label, String responsibleBody) {
}
