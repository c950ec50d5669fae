package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * Makes sure a process the launcher started dies with the launcher, even when the launcher is killed hard
 * (SIGKILL runs no shutdown hook). A tiny shell waits on a pipe that only the launcher holds; the kernel closes
 * that pipe whatever way the launcher ends, and the shell then signals the guarded process. On a clean stop the
 * guard is dismissed first, so it can never signal a PID that has been reused.
 */
public final class OrphanGuard implements AutoCloseable {

    private final Process guard;

    private OrphanGuard(Process guard) {
        this.guard = guard;
    }

    /** Guards {@code pid}: on the launcher's death it gets {@code signal} (e.g. TERM, or INT for a fast PostgreSQL stop), then KILL after a grace period. */
    public static OrphanGuard watch(long pid, String signal) {
        String script = "read -r _ ; kill -" + signal + " \"$1\" 2>/dev/null; "
                + "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "
                + "kill -0 \"$1\" 2>/dev/null || exit 0; sleep 1; done; kill -KILL \"$1\" 2>/dev/null";
        try {
            Process guard = new ProcessBuilder("bash", "-c", script, "bothy-orphan-guard", Long.toString(pid))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start();
            return new OrphanGuard(guard);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orphan guard (bash) for pid " + pid, e);
        }
    }

    public long pid() {
        return guard.pid();
    }

    /** Dismisses the guard without signalling anything. */
    @Override
    public void close() {
        guard.destroyForcibly();
        try {
            guard.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
