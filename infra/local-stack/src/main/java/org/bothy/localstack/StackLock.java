package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Makes sure one data folder is used by one running stack. The operating system holds the lock for as long as the
 * launcher lives and drops it however the launcher ends, so a lock file left by a killed run blocks nothing.
 */
public final class StackLock implements AutoCloseable {

    /** Thrown when another launcher holds the data folder. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock and writes this process's PID into it, or refuses naming the PID that holds it. */
    public static StackLock acquire(Path lockFile) {
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AlreadyRunning("The Bothy local stack is already running on this data folder ("
                        + holder(lockFile).map(pid -> "launcher pid " + pid).orElse("launcher pid unknown")
                        + ", lock " + lockFile + "). Stop it with Ctrl-C in its terminal, or use another --data folder.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new StackLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + lockFile, e);
        }
    }

    /** The PID of the launcher that holds the lock, if one does right now. */
    public static Optional<Long> runningLauncher(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                return Optional.of(ProcessHandle.current().pid());
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(holder(lockFile).orElse(-1L));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the stack lock", e);
        }
    }
}
