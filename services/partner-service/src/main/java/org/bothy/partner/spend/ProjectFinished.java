package org.bothy.partner.spend;

/** Private event: a project finished; nothing more is spent on it. */
public record ProjectFinished(String projectId) {
}
