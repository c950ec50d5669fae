package org.bothy.kernel.codes;

/** Something a person scores themselves on from 1 to 10 (confidence, wellbeing, ...), to see how things feel over time. */
public record SoftMeasureDimension(String code, String label, String description) {
}
