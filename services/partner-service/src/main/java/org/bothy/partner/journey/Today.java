package org.bothy.partner.journey;

import java.time.LocalDate;
import java.time.ZoneId;

/** The day it is where the consortium works, for facts recorded without a day of their own. */
public final class Today {

    private static final ZoneId CONSORTIUM = ZoneId.of("Europe/London");

    private Today() {
    }

    /** {@code day}, or today in Scotland when it is not given. */
    public static LocalDate orToday(LocalDate day) {
        return day != null ? day : LocalDate.now(CONSORTIUM);
    }
}
