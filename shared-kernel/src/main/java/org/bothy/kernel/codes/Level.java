package org.bothy.kernel.codes;

/** Where a barrier or issue sits: 1 individual, 2 system, 3 macro. */
public record Level(int level, String code, String label) {
}
