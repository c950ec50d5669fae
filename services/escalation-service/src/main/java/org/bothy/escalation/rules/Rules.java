package org.bothy.escalation.rules;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bothy.kernel.codes.Codes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The rules in force. Read from the rules file at start-up (a bad file stops the service there); a file on disk
 * is then re-read whenever its modification time changes, without a restart. A changed file that is not valid is
 * refused with its reasons in the log, and the rules in force stay.
 */
@Component
public class Rules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rules.class);

    private final RulesSettings settings;
    private final CandidateRule fallback;
    private final Codes codes;
    private final AtomicReference<CandidateRules> current = new AtomicReference<>();
    private volatile long loadedModified;
    private ScheduledExecutorService watcher;

    public Rules(RulesSettings settings, CandidateRule fallback, Codes codes) throws IOException {
        this.settings = settings;
        this.fallback = fallback;
        this.codes = codes;
        this.loadedModified = modified();
        current.set(read());
    }

    /** The rules in force now. */
    public CandidateRules current() {
        return current.get();
    }

    /** Re-reads the file if it changed since it was last read; returns whether new rules are in force. */
    public boolean reloadIfChanged() {
        long modified = modified();
        if (modified == loadedModified) {
            return false;
        }
        loadedModified = modified;
        try {
            current.set(read());
            log.info("escalation rules reloaded from {}", settings.rulesFile().getDescription());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            log.error("escalation rules file {} refused, the previous rules stay in force: {}",
                    settings.rulesFile().getDescription(), e.getMessage());
            return false;
        }
    }

    private CandidateRules read() throws IOException {
        try (InputStream in = settings.rulesFile().getInputStream()) {
            return RulesFile.read(in, fallback, codes);
        }
    }

    private long modified() {
        try {
            File file = settings.rulesFile().isFile() ? settings.rulesFile().getFile() : null;
            return file == null ? 0 : file.lastModified();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void start() {
        if (!settings.rulesFile().isFile()) {
            return; // a classpath resource inside the jar does not change
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "escalation-rules-watch"));
        long every = settings.rulesReloadInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
