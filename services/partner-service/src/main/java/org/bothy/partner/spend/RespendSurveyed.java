package org.bothy.partner.spend;

/** Private event: the survey of local suppliers and staff found this re-spend (R3); a later survey replaces it. */
public record RespendSurveyed(String projectId, Respend respend) {
}
