package org.bothy.localstack;

/** The escalation service's one rule: at least this many people across this many organisations within the window. */
public record EscalationRule(int minPeople, int minOrganisations, int windowDays) {

    /**
     * The rule the demo story is told against: the consortium's own. Five people is the least the place shows as a
     * number (fewer arrive as "<5" after disclosure control), so the demo's five people with council tax debt cross it.
     */
    public static EscalationRule demo() {
        return new EscalationRule(5, 2, 90);
    }
}
