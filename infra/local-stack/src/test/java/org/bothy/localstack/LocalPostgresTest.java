package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path data;

    @Test
    void databases_and_rows_survive_a_restart_and_writes_are_durable() throws Exception {
        int port = Ports.free(List.of()).postgres();
        Path cluster = data.resolve("postgres");
        Path log = data.resolve("postgres.log");
        try (LocalPostgres postgres = LocalPostgres.start(cluster, port, log)) {
            postgres.createDatabases(List.of("partner_fresh_start", "place"));
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("place"), LocalPostgres.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            }
            assertThat(LocalPostgres.postmaster(cluster)).isPresent();
        }
        assertThat(LocalPostgres.postmaster(cluster)).isEmpty();

        try (LocalPostgres postgres = LocalPostgres.start(cluster, port, log)) {
            postgres.createDatabases(List.of("partner_fresh_start", "place", "escalation"));
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("place"), LocalPostgres.USER, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("escalation"), LocalPostgres.USER, "")) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
