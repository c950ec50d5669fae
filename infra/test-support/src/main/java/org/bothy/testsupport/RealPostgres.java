package org.bothy.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), started on first use and stopped when the JVM
 * exits. Each test class asks for a database of its own by name.
 */
public final class RealPostgres {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static EmbeddedPostgres server;

    private RealPostgres() {
    }

    /** The JDBC URL of {@code database}, created if absent. */
    public static String jdbcUrl(String database) {
        createDatabase(database);
        return server().getJdbcUrl(USER, database);
    }

    /** A data source on {@code database}, created if absent. */
    public static DataSource dataSource(String database) {
        createDatabase(database);
        return server().getDatabase(USER, database);
    }

    /** The user every test database is owned by. */
    public static String username() {
        return USER;
    }

    /** That user's password (the embedded server trusts local connections, so any password works). */
    public static String password() {
        return PASSWORD;
    }

    /** The port the server listens on. */
    public static int port() {
        return server().getPort();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static synchronized void createDatabase(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("a database name is lower case letters, digits and _, got '" + database + "'");
        }
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    // The name is checked against DATABASE_NAME above, so it is safe to quote into DDL.
                    create.execute("create database \"" + database + "\" owner " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}
