package org.bothy.place.intake;

import org.bothy.kernel.topics.Topics;

import java.util.regex.Pattern;

/** The topics the place reads: every partner's learning topic (found by pattern) and the referrals between partners. */
public final class IntakeTopics {

    private static final Pattern READ = Pattern.compile(
            Topics.learningTopics().pattern() + "|" + Pattern.quote(Topics.REFERRALS));

    private IntakeTopics() {
    }

    /** Matches every topic the intake and a rebuild read. */
    public static Pattern pattern() {
        return READ;
    }

    /** Whether {@code topic} is the referrals topic rather than a partner's learning topic. */
    public static boolean isReferrals(String topic) {
        return Topics.REFERRALS.equals(topic);
    }
}
