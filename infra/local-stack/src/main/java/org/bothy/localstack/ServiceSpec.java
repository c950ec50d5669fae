package org.bothy.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service to run as its own JVM: its name in logs, its executable jar, its port, its configuration, and its
 * secrets. Secrets travel in the child's environment ({@code SPRING_APPLICATION_JSON}), which only its owner can
 * read, never on the command line, which {@code ps} shows to everyone.
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> properties, Map<String, String> secrets) {

    public ServiceSpec {
        properties = Map.copyOf(properties);
        secrets = Map.copyOf(secrets);
    }

    /** The properties in a stable order, for {@code --key=value} arguments. */
    public Map<String, String> sortedProperties() {
        return new TreeMap<>(properties);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
