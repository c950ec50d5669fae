package org.bothy.escalation.escalation.api;

/** The place's verdict on closing: did the pattern the escalation was about fall? */
public enum Verdict { PATTERN_FELL, PATTERN_PERSISTS, TOO_EARLY_TO_TELL }
