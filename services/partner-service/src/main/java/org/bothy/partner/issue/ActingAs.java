package org.bothy.partner.issue;

/** The role in which someone of this organisation acts on an issue: some decisions are a lead's alone. */
public enum ActingAs {
    WORKER,
    LEAD
}
