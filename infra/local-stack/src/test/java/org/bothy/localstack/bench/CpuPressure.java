package org.bothy.localstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's CPU pressure ({@code /proc/pressure/cpu}, "some"): for how long at least one runnable task waited for
 * a core. Over a phase, the share of its time in which something in the machine was queued for the CPU.
 */
final class CpuPressure {

    private static final Pattern SOME_TOTAL = Pattern.compile("^some .*total=(\\d+)", Pattern.MULTILINE);

    private CpuPressure() {
    }

    /** Microseconds of "some" CPU pressure since boot, or -1 where the kernel does not report it. */
    static long totalMicros() {
        try {
            Matcher some = SOME_TOTAL.matcher(Files.readString(Path.of("/proc/pressure/cpu")));
            return some.find() ? Long.parseLong(some.group(1)) : -1;
        } catch (Exception unavailable) {
            return -1;
        }
    }
}
