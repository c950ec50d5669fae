package org.bothy.place.learning;

/**
 * One connection between learning cycles, possibly across scales and organisations; the far end's organisation and
 * scale are empty when that cycle has not been published to the place.
 */
public record CycleConnection(String fromOrganisation, String fromCycleId, String fromScale, String toCycleId,
                              String toOrganisation, String toScale) {
}
