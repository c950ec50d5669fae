package org.bothy.partner.referral;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Matches a referral's refusal of one named request field (answered 400 against that field). */
final class RefusedFor {

    private RefusedFor() {
    }

    static Matcher<ReferralRefused> field(String field) {
        return new CustomTypeSafeMatcher<>("a referral refused for its field " + field) {
            @Override
            protected boolean matchesSafely(ReferralRefused refused) {
                return field.equals(refused.field());
            }
        };
    }
}
