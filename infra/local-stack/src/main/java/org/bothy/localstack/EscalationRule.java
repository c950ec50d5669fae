package org.bothy.localstack;

/** The escalation service's one rule: at least this many people across this many organisations within the window. */
public record EscalationRule(int minPeople, int minOrganisations, int windowDays) {

    /** The rule the demo story is told against. */
    public static EscalationRule demo() {
        return new EscalationRule(3, 2, 90);
    }
}
