package org.bothy.partner.journey.matters;

/** Private event: what matters to the person, in their words; the latest one is what matters now. */
public record WhatMattersRecorded(String journeyId, String inTheirWords) {
}
