package org.bothy.partner.spend;

import java.util.Locale;

/** Whether an LM3 figure is predicted from planned figures at the start, or actual from what was spent at the end. */
public enum Lm3Basis {
    PREDICTED,
    ACTUAL;

    /** The code the consortium writes: {@code predicted} or {@code actual}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
