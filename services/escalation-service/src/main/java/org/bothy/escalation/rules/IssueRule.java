package org.bothy.escalation.rules;

import org.bothy.kernel.contract.evidence.IssueSignal;

/**
 * The consortium's rule for published issues: an open issue at level 3 (macro), or one its partner says only
 * government can change, is proposed for escalation whatever its counts. It only proposes: place leads decide.
 */
public final class IssueRule {

    static final int MACRO = 3;
    static final String GOVERNMENT = "government";
    static final String OPEN = "open";

    private IssueRule() {
    }

    /** Whether the issue, as its latest signal describes it, proposes a candidate. */
    public static boolean proposes(IssueSignal signal) {
        return OPEN.equals(signal.status()) && (signal.level() == MACRO || GOVERNMENT.equals(signal.owner()));
    }
}
