package org.bothy.partner.issue;

import java.util.Locale;

/** Whether an issue is still being worked on. */
public enum IssueStatus {
    OPEN,
    CLOSED;

    /** The code as the consortium writes it: {@code open} or {@code closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
