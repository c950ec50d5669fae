package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one folder that holds everything the local stack keeps between runs: broker log, database, keys, logs. */
public record DataHome(Path root) {

    /** Where the data lives when nothing says otherwise: {@code --data}, then {@code BOTHY_HOME}, then {@code ./bothy-data}. */
    public static DataHome resolve(Path option) {
        if (option != null) {
            return new DataHome(option.toAbsolutePath().normalize());
        }
        String env = System.getenv("BOTHY_HOME");
        Path root = env == null || env.isBlank() ? Path.of("bothy-data") : Path.of(env);
        return new DataHome(root.toAbsolutePath().normalize());
    }

    public Path kafkaLogs() {
        return root.resolve("kafka");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path issuerKey() {
        return root.resolve("dev-issuer").resolve("jwk.json");
    }

    public Path secrets() {
        return root.resolve("secrets");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path lockFile() {
        return root.resolve("bothy.lock");
    }

    public Path childPids() {
        return root.resolve("children.pids");
    }

    public Path demoLoadedMarker() {
        return root.resolve("demo-data.loaded");
    }

    /** Creates the folder and its fixed subfolders if they are missing. */
    public DataHome create() {
        try {
            Files.createDirectories(root);
            Files.createDirectories(logs());
            Files.createDirectories(secrets());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + root, e);
        }
    }
}
