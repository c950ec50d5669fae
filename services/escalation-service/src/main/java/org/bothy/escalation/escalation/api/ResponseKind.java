package org.bothy.escalation.escalation.api;

/** The three answers a body can give: commit to a change by a date, decline with reasons, or ask for more. */
public enum ResponseKind { COMMITTED, DECLINED, MORE_INFORMATION_REQUESTED }
