package org.bothy.escalation.response;

/**
 * A body's answer as sent: {@code kind} is COMMITTED (with {@code change} and {@code commitBy}, YYYY-MM-DD),
 * DECLINED (with {@code reasons}) or MORE_INFORMATION_REQUESTED (with {@code request}).
 */
public record StatutoryAnswer(String kind, String change, String commitBy, String reasons, String request) {
}
