package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLockTest {

    @TempDir
    Path data;

    @Test
    void a_second_start_on_the_same_folder_is_refused_naming_the_running_launcher() {
        Path lockFile = data.resolve("bothy.lock");
        try (StackLock first = StackLock.acquire(lockFile)) {
            assertThat(StackLock.runningLauncher(lockFile)).contains(ProcessHandle.current().pid());
            assertThatThrownBy(() -> StackLock.acquire(lockFile))
                    .isInstanceOf(StackLock.AlreadyRunning.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(StackLock.runningLauncher(lockFile)).isEmpty();
    }

    @Test
    void a_lock_file_left_by_a_killed_launcher_blocks_nothing() throws Exception {
        Path lockFile = data.resolve("bothy.lock");
        Files.writeString(lockFile, "999999\n");
        assertThat(StackLock.runningLauncher(lockFile)).isEmpty();
        try (StackLock lock = StackLock.acquire(lockFile)) {
            assertThat(Files.readString(lockFile).trim()).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }
}
