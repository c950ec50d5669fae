package org.bothy.partner.journey.measure;

import java.time.LocalDate;

/** Private event: the person scored themselves on a dimension. */
public record SoftMeasureScored(String journeyId, String pseudonym, String measureId, String dimension, int score,
                                LocalDate scoredOn) {
}
