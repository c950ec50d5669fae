package org.bothy.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts services faster from the second run on, with the JDK's class data sharing: each service jar is extracted
 * once (Spring Boot's {@code -Djarmode=tools extract}, since classes inside nested jars cannot be archived), the
 * first instance of each jar writes an archive of its loaded classes when it exits, and later runs map that
 * archive instead of loading and verifying thousands of classes again. Kept in the data folder, keyed by the jar's
 * size and time, so a rebuilt jar starts over. Anything that goes wrong here only means a slower start.
 */
final class ClassDataSharing {

    private final Path cacheRoot;
    private final Set<Path> trainers = new HashSet<>();

    ClassDataSharing(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The JVM options and jar to run {@code jar} with; the plain jar when the cache cannot be prepared. */
    synchronized List<String> launchArguments(Path jar, Path log) {
        Path dir;
        try {
            dir = cacheRoot.resolve(jar.getFileName() + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            Path extracted = dir.resolve(jar.getFileName());
            if (!Files.exists(extracted) && !extract(jar, dir, log)) {
                return List.of("-jar", jar.toString());
            }
            List<String> args = new ArrayList<>();
            Path archive = dir.resolve("classes.jsa");
            if (Files.exists(archive)) {
                args.add("-XX:SharedArchiveFile=" + archive);
            } else if (trainers.add(dir)) {
                // one instance per jar writes the archive; four partners writing one file at once would spoil it
                args.add("-XX:ArchiveClassesAtExit=" + archive);
            }
            args.add("-jar");
            args.add(extracted.toString());
            return args;
        } catch (IOException e) {
            return List.of("-jar", jar.toString());
        }
    }

    private static boolean extract(Path jar, Path dir, Path log) throws IOException {
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), "extract");
        Process extract = new ProcessBuilder(javaBinary(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", tmp.resolve("app").toString())
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        try {
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            extract.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        Files.move(tmp.resolve("app"), dir);
        Files.deleteIfExists(tmp);
        pruneOlder(jar, dir);
        return Files.exists(dir.resolve(jar.getFileName()));
    }

    /** Deletes the caches of earlier builds of the same jar: an archive is as big as the jar itself. */
    private static void pruneOlder(Path jar, Path current) throws IOException {
        String prefix = jar.getFileName() + "-";
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            for (Path old : siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(current)).toList()) {
                try (Stream<Path> tree = Files.walk(old)) {
                    for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
